package io.kafkaindexing.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.segment.granularity.Granularities;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed walkthrough's search over the seed's three rows gives Druid's exact answer. */
class SeedSearchTest {
  private final ObjectMapper mapper = QueryTestMapper.create();

  @Test
  void seedSearchGivesDruidsAnswer() throws Exception {
    SegmentRegistry registry = new SegmentRegistry();
    SeedData.announce(registry, SeedData.DATA_SOURCE, Granularities.HOUR, SeedData.indexBySegment(
        SeedData.inputRows(SeedData.events(mapper)), Granularities.HOUR, SeedData::seedSchema));
    Query query = JsonBodies.read(mapper, SeedData.read("seed/search-query.json").getBytes(StandardCharsets.UTF_8),
        Query.class, "query");
    List<?> results = new QueryExecutor(registry).run(query.withId("seed"));
    assertEquals(SeedData.read("seed/search-result.json").trim(), mapper.writeValueAsString(results));
  }

  @Test
  void unknownDataSourceAndUncoveredIntervalGiveEmptyResults() throws Exception {
    SegmentRegistry registry = new SegmentRegistry();
    SeedData.announce(registry, SeedData.DATA_SOURCE, Granularities.HOUR, SeedData.indexBySegment(
        SeedData.inputRows(SeedData.events(mapper)), Granularities.HOUR, SeedData::seedSchema));
    QueryExecutor executor = new QueryExecutor(registry);
    String other = "{\"queryType\":\"search\",\"dataSource\":\"nope\",\"intervals\":[\"2018/2019\"]}";
    assertEquals("[]", mapper.writeValueAsString(executor.run(read(other))));
    String elsewhere = "{\"queryType\":\"search\",\"dataSource\":\"metrics-kafka\",\"intervals\":[\"2019/2020\"]}";
    assertEquals("[]", mapper.writeValueAsString(executor.run(read(elsewhere))));
    String noMatch = "{\"queryType\":\"search\",\"dataSource\":\"metrics-kafka\",\"intervals\":[\"2018/2019\"],"
        + "\"query\":{\"type\":\"contains\",\"value\":\"zzz\"}}";
    assertEquals("[{\"timestamp\":\"2018-03-06T09:00:00.000Z\",\"result\":[]}]",
        mapper.writeValueAsString(executor.run(read(noMatch))));
  }

  @Test
  void allSpecWithDefaultDimensionsListsEveryValue() throws Exception {
    SegmentRegistry registry = new SegmentRegistry();
    SeedData.announce(registry, SeedData.DATA_SOURCE, Granularities.HOUR, SeedData.indexBySegment(
        SeedData.inputRows(SeedData.events(mapper)), Granularities.HOUR, SeedData::seedSchema));
    String all = "{\"queryType\":\"search\",\"dataSource\":{\"type\":\"table\",\"name\":\"metrics-kafka\"},"
        + "\"intervals\":{\"type\":\"intervals\",\"intervals\":[\"2018-03-06T09:00/2018-03-06T10:00\"]},"
        + "\"sort\":{\"type\":\"strlen\"}}";
    assertEquals("[{\"timestamp\":\"2018-03-06T09:00:00.000Z\",\"result\":["
        + "{\"dimension\":\"url\",\"value\":\"/\",\"count\":1},"
        + "{\"dimension\":\"user\",\"value\":\"bob\",\"count\":2},"
        + "{\"dimension\":\"user\",\"value\":\"alice\",\"count\":1},"
        + "{\"dimension\":\"url\",\"value\":\"/foo/bar\",\"count\":2}]}]",
        mapper.writeValueAsString(new QueryExecutor(registry).run(read(all))));
  }

  private Query read(String json) {
    return JsonBodies.read(mapper, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
  }
}
