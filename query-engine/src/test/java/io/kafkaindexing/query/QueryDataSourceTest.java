package io.kafkaindexing.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.core.json.JsonBodies;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The {@code query} data source (subqueries) over the seed's rows: a groupBy over a groupBy, and a
 * timeseries over a scan, against answers counted from the raw events.
 */
class QueryDataSourceTest {
  private static final ObjectMapper MAPPER = QueryTestMapper.create();
  private static final String INNER = "{\"queryType\":\"groupBy\",\"dataSource\":\"metrics-kafka\","
      + "\"granularity\":\"all\",\"intervals\":[\"2018-03-06/2018-03-07\"],\"dimensions\":[\"user\",\"url\"],"
      + "\"aggregations\":[{\"type\":\"longSum\",\"name\":\"views\",\"fieldName\":\"views\"}]}";

  private static Query read(String json) {
    return JsonBodies.read(MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
  }

  private static JsonNode run(String json) throws Exception {
    return MAPPER.readTree(MAPPER.writeValueAsString(
        new QueryExecutor(SeedData.seedRegistry(MAPPER)).run(read(json).withId("sub"))));
  }

  @Test
  void groupByOverAGroupByRegroupsTheInnerRows() throws Exception {
    Map<String, Integer> views = new TreeMap<>();
    Map<String, Set<Object>> urls = new TreeMap<>();
    for (Map<String, Object> e : SeedData.events(MAPPER)) {
      views.merge((String) e.get("user"), 1, Integer::sum);
      urls.computeIfAbsent((String) e.get("user"), u -> new HashSet<>()).add(e.get("url"));
    }
    JsonNode result = run("{\"queryType\":\"groupBy\",\"dataSource\":{\"type\":\"query\",\"query\":" + INNER + "},"
        + "\"granularity\":\"all\",\"intervals\":[\"2018-03-06/2018-03-07\"],\"dimensions\":[\"user\"],"
        + "\"aggregations\":[{\"type\":\"longSum\",\"name\":\"views\",\"fieldName\":\"views\"},"
        + "{\"type\":\"count\",\"name\":\"urls\"}]}");
    assertEquals(views.size(), result.size(), result.toString());
    result.forEach(row -> {
      String user = row.get("event").get("user").asText();
      assertEquals(views.get(user), row.get("event").get("views").asInt(), row.toString());
      assertEquals(urls.get(user).size(), row.get("event").get("urls").asInt(), row.toString());
    });
  }

  @Test
  void timeseriesOverAScanCountsTheScannedRows() throws Exception {
    JsonNode result = run("{\"queryType\":\"timeseries\",\"dataSource\":{\"type\":\"query\",\"query\":"
        + "{\"queryType\":\"scan\",\"dataSource\":\"metrics-kafka\",\"intervals\":[\"2018-03-06/2018-03-07\"],"
        + "\"columns\":[\"__time\",\"user\",\"latencyMs\"],\"resultFormat\":\"compactedList\"}},"
        + "\"granularity\":\"all\",\"intervals\":[\"2018-03-06/2018-03-07\"],\"aggregations\":[{\"type\":\"count\","
        + "\"name\":\"rows\"},{\"type\":\"doubleSum\",\"name\":\"latency\",\"fieldName\":\"latencyMs\"}]}");
    double latency = SeedData.events(MAPPER).stream().mapToDouble(e -> ((Number) e.get("latencyMs")).doubleValue())
        .sum();
    assertEquals(SeedData.events(MAPPER).size(), result.get(0).get("result").get("rows").asInt(), result.toString());
    assertEquals(latency, result.get(0).get("result").get("latency").asDouble(), result.toString());
  }

  @Test
  void aQueryDataSourceWritesBackAsItIsRead() throws Exception {
    Query query = read("{\"queryType\":\"timeBoundary\",\"dataSource\":{\"type\":\"query\",\"query\":" + INNER + "}}");
    String written = MAPPER.writeValueAsString(query);
    assertTrue(written.contains("\"type\":\"query\"") && written.contains("\"queryType\":\"groupBy\""), written);
    assertEquals(query, read(written));
  }

  @Test
  void subqueryResultsBeyondMaxSubqueryRowsAreRefused() throws Exception {
    long innerRows = SeedData.events(MAPPER).stream().map(e -> List.of(e.get("user"), e.get("url"))).distinct().count();
    String outer = "{\"queryType\":\"timeseries\",\"dataSource\":{\"type\":\"query\",\"query\":" + INNER + "},"
        + "\"granularity\":\"all\",\"intervals\":[\"2018-03-06/2018-03-07\"],\"aggregations\":[{\"type\":\"count\","
        + "\"name\":\"rows\"}],\"context\":{\"maxSubqueryRows\":";
    assertEquals(innerRows, run(outer + innerRows + "}}").get(0).get("result").get("rows").asLong());
    DruidException e = assertThrows(DruidException.class, () -> run(outer + (innerRows - 1) + "}}"));
    assertEquals(400, e.httpStatus());
    assertEquals("Resource limit exceeded", e.context().get("legacyErrorCode"));
    assertTrue(e.getMessage().contains("maxSubqueryRows"), e.getMessage());
  }

  @Test
  void badSubqueriesAreInvalidInput() {
    DruidException missing = assertThrows(DruidException.class,
        () -> read("{\"queryType\":\"timeBoundary\",\"dataSource\":{\"type\":\"query\"}}"));
    assertTrue(missing.getMessage().contains("dataSource.query"), missing.getMessage());
    DruidException inner = assertThrows(DruidException.class, () -> read("{\"queryType\":\"timeBoundary\","
        + "\"dataSource\":{\"type\":\"query\",\"query\":{\"queryType\":\"groupBy\",\"dataSource\":\"x\"}}}"));
    assertEquals(400, inner.httpStatus());
    assertTrue(inner.getMessage().contains("intervals"), inner.getMessage());
  }
}
