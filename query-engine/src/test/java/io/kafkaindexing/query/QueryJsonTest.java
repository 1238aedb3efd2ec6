package io.kafkaindexing.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.query.dimension.DefaultDimensionSpec;
import io.kafkaindexing.query.filter.AndDimFilter;
import io.kafkaindexing.query.search.AllSearchQuerySpec;
import io.kafkaindexing.query.search.ContainsSearchQuerySpec;
import io.kafkaindexing.query.search.FragmentSearchQuerySpec;
import io.kafkaindexing.query.search.InsensitiveContainsSearchQuerySpec;
import io.kafkaindexing.query.search.RegexSearchQuerySpec;
import io.kafkaindexing.query.search.SearchQuery;
import io.kafkaindexing.query.search.SearchSortSpec;
import io.kafkaindexing.segment.granularity.Granularities;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.joda.time.Interval;
import org.joda.time.chrono.ISOChronology;
import org.junit.jupiter.api.Test;

/** The search query's JSON forms, defaults and validation messages. */
class QueryJsonTest {
  private final ObjectMapper mapper = QueryTestMapper.create();

  private SearchQuery read(String json) {
    return (SearchQuery) JsonBodies.read(mapper, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
  }

  private DruidException refused(String json) {
    return assertThrows(DruidException.class, () -> read(json));
  }

  private static Interval utc(String s) {
    return new Interval(s, ISOChronology.getInstanceUTC());
  }

  @Test
  void defaultsFollowDruid() {
    SearchQuery q = read("{\"queryType\":\"search\",\"dataSource\":\"ds\",\"intervals\":[\"2018-03-06/2018-03-07\"]}");
    assertEquals("ds", q.getDataSource().getName());
    assertEquals(List.of(utc("2018-03-06/2018-03-07")), q.getIntervals());
    assertEquals(Granularities.ALL, q.getGranularity());
    assertEquals(1000, q.getLimit());
    assertEquals(List.of(), q.getSearchDimensions());
    assertInstanceOf(AllSearchQuerySpec.class, q.getQuerySpec());
    assertEquals(SearchSortSpec.DEFAULT, q.getSort());
    assertNull(q.getFilter());
    assertEquals(Map.of(), q.getContext());
    assertNull(q.getId());
    assertEquals("abc", q.withId("abc").getId());
  }

  @Test
  void acceptsDruidsAlternateShapes() {
    SearchQuery q = read("{\"queryType\":\"search\",\"dataSource\":{\"type\":\"table\",\"name\":\"ds\"},"
        + "\"intervals\":{\"type\":\"intervals\",\"intervals\":[\"2018-03-06T10/2018-03-06T12\","
        + "\"2018-03-06T09/2018-03-06T10\",\"2018-03-07/2018-03-08\"]},\"limit\":0,\"granularity\":\"hour\","
        + "\"searchDimensions\":[\"url\",{\"type\":\"default\",\"dimension\":\"user\",\"outputName\":\"who\"},"
        + "{\"dimension\":\"country\"}],\"sort\":{\"type\":\"strlen\"},\"context\":{\"queryId\":\"q1\",\"timeout\":5},"
        + "\"filter\":{\"type\":\"and\",\"fields\":[{\"type\":\"selector\",\"dimension\":\"u\",\"value\":null}]}}");
    assertEquals(List.of(utc("2018-03-06T09/2018-03-06T12"), utc("2018-03-07/2018-03-08")), q.getIntervals());
    assertEquals(1000, q.getLimit());
    assertEquals(Granularities.HOUR, q.getGranularity());
    assertEquals(List.of(DefaultDimensionSpec.of("url"), new DefaultDimensionSpec("user", "who", null),
        DefaultDimensionSpec.of("country")), q.getSearchDimensions());
    assertEquals("strlen", q.getSort().toString());
    assertEquals("q1", q.getId());
    assertInstanceOf(AndDimFilter.class, q.getFilter());
    assertEquals(List.of(utc("2018-03-06T09/2018-03-06T10")),
        read("{\"queryType\":\"search\",\"dataSource\":\"ds\",\"intervals\":\"2018-03-06T09/2018-03-06T10\"}")
            .getIntervals());
  }

  @Test
  void searchSpecsReadTheirFieldsWithDruidsDefaults() {
    String base = "{\"queryType\":\"search\",\"dataSource\":\"ds\",\"intervals\":[\"2018/2019\"],\"query\":";
    ContainsSearchQuerySpec contains = (ContainsSearchQuerySpec) read(base + "{\"type\":\"contains\",\"value\":\"Bo\"}}")
        .getQuerySpec();
    assertFalse(contains.isCaseSensitive());
    assertTrue(contains.accept("bob"));
    assertFalse(contains.accept(null));
    assertFalse(read(base + "{\"type\":\"contains\",\"value\":\"Bo\",\"caseSensitive\":true}}").getQuerySpec()
        .accept("bob"));
    assertInstanceOf(InsensitiveContainsSearchQuerySpec.class,
        read(base + "{\"type\":\"insensitive_contains\",\"value\":\"x\"}}").getQuerySpec());
    FragmentSearchQuerySpec fragment = (FragmentSearchQuerySpec) read(base
        + "{\"type\":\"fragment\",\"values\":[\"O\",\"b\"]}}").getQuerySpec();
    assertTrue(fragment.accept("Bob"));
    assertFalse(fragment.accept("Bill"));
    RegexSearchQuerySpec regex = (RegexSearchQuerySpec) read(base + "{\"type\":\"regex\",\"pattern\":\"^b.b$\"}}")
        .getQuerySpec();
    assertTrue(regex.accept("bob"));
    assertTrue(read(base + "{\"type\":\"all\"}}").getQuerySpec().accept(null));
  }

  @Test
  void refusalsNameTheField() {
    assertTrue(refused("{\"queryType\":\"search\",\"dataSource\":\"ds\"}").getMessage()
        .contains("Missing required field[intervals]"));
    assertTrue(refused("{\"queryType\":\"search\",\"intervals\":[\"2018/2019\"]}").getMessage()
        .contains("Missing required field[dataSource]"));
    assertTrue(refused("{\"queryType\":\"search\",\"dataSource\":\"ds\",\"intervals\":[\"yesterday\"]}").getMessage()
        .contains("Invalid interval[yesterday]"));
    assertTrue(refused("{\"queryType\":\"search\",\"dataSource\":\"ds\",\"intervals\":[\"2018/2019\"],\"limit\":-1}")
        .getMessage().contains("Field[limit] must be >= 0"));
    assertTrue(refused("{\"queryType\":\"search\",\"dataSource\":\"ds\",\"intervals\":[\"2018/2019\"],"
        + "\"sort\":{\"type\":\"random\"}}").getMessage().contains("sort.type"));
    assertTrue(refused("{\"queryType\":\"search\",\"dataSource\":{\"type\":\"join\"},\"intervals\":[\"2018/2019\"]}")
        .getMessage().contains("dataSource of type[join] is not supported yet"));
    assertTrue(refused("{\"queryType\":\"search\",\"dataSource\":\"ds\",\"intervals\":[\"2018/2019\"],"
        + "\"virtualColumns\":[{\"type\":\"expression\"}]}").getMessage().contains("field[name]"));
    assertTrue(refused("{\"queryType\":\"search\",\"dataSource\":\"ds\",\"intervals\":[\"2018/2019\"],"
        + "\"virtualColumns\":[{\"type\":\"expression\",\"name\":\"v\",\"expression\":\"a +\"}]}").httpStatus() == 400);
    assertTrue(refused("{\"queryType\":\"search\",\"dataSource\":\"ds\",\"intervals\":[\"2018/2019\"],"
        + "\"query\":{\"type\":\"regex\",\"pattern\":\"(\"}}").getMessage().contains("Invalid regular expression"));
    assertTrue(refused("{\"queryType\":\"search\",\"dataSource\":\"ds\",\"intervals\":[\"2018/2019\"],"
        + "\"filter\":{\"type\":\"bound\",\"dimension\":\"x\"}}").getMessage().contains("bound"));
    assertEquals(400, refused("{\"queryType\":\"nope\",\"dataSource\":\"ds\",\"intervals\":[\"2018/2019\"]}")
        .httpStatus());
  }

  @Test
  void contextTimeoutIsReadAsMilliseconds() {
    assertEquals(QueryContexts.DEFAULT_TIMEOUT_MS, QueryContexts.timeoutMs(Map.of()));
    assertEquals(5L, QueryContexts.timeoutMs(Map.of("timeout", "5")));
    DruidException e = assertThrows(DruidException.class, () -> QueryContexts.timeoutMs(Map.of("timeout", "soon")));
    assertEquals(400, e.httpStatus());
    assertEquals("Query context parse failed", e.context().get("legacyErrorCode"));
  }

  @Test
  void queriesWriteBackAsJsonThatReadsTheSame() throws Exception {
    SearchQuery q = read("{\"queryType\":\"search\",\"dataSource\":\"ds\",\"intervals\":[\"2018/2019\"],"
        + "\"searchDimensions\":[\"a\"],\"query\":{\"type\":\"fragment\",\"values\":[\"x\"]},\"granularity\":\"day\","
        + "\"filter\":{\"type\":\"not\",\"field\":{\"type\":\"in\",\"dimension\":\"d\",\"values\":[\"v\"]}}}");
    String json = mapper.writeValueAsString(q);
    assertTrue(json.startsWith("{\"queryType\":\"search\""), json);
    assertEquals(q, read(json));
    SearchQuery withVc = read("{\"queryType\":\"search\",\"dataSource\":\"ds\",\"intervals\":[\"2018/2019\"],"
        + "\"virtualColumns\":[{\"type\":\"expression\",\"name\":\"v\",\"expression\":\"upper(a)\","
        + "\"outputType\":\"STRING\"}],\"searchDimensions\":[\"v\"]}");
    String vcJson = mapper.writeValueAsString(withVc);
    assertTrue(vcJson.contains("\"virtualColumns\":[{\"type\":\"expression\",\"name\":\"v\",\"expression\":"
        + "\"upper(a)\",\"outputType\":\"STRING\"}]"), vcJson);
    assertEquals(withVc, read(vcJson));
    assertEquals(withVc.virtualColumns(), withVc.withContext(Map.of("x", 1)).virtualColumns());
  }
}
