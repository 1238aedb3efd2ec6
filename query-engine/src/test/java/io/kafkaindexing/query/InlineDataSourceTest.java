package io.kafkaindexing.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.core.json.JsonBodies;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The {@code inline} data source: its rows, read without rollup, answer groupBy, scan and
 * timeBoundary as the rows themselves say (expected values computed here from the same rows).
 */
class InlineDataSourceTest {
  private static final ObjectMapper MAPPER = QueryTestMapper.create();
  private static final List<List<Object>> ROWS = List.of(
      List.of(1520330278000L, "fr", "paris", 2100),
      List.of(1520330279000L, "de", "berlin", 3600),
      List.of(1520330279000L, "fr", "lyon", 500),
      List.of(1520333000000L, "de", "berlin", 3600));
  private static final String INLINE = inline();

  private static String inline() {
    try {
      return "{\"type\":\"inline\",\"columnNames\":[\"__time\",\"country\",\"city\",\"pop\"],"
          + "\"columnTypes\":[\"LONG\",\"STRING\",\"STRING\",\"LONG\"],\"rows\":" + MAPPER.writeValueAsString(ROWS)
          + "}";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode run(String json) throws Exception {
    Query query = JsonBodies.read(MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
    return MAPPER.readTree(MAPPER.writeValueAsString(new QueryExecutor(new SegmentRegistry()).run(query.withId("i"))));
  }

  @Test
  void groupBySumsTheInlineRows() throws Exception {
    Map<String, Long> byCountry = new TreeMap<>();
    ROWS.forEach(r -> byCountry.merge((String) r.get(1), ((Number) r.get(3)).longValue(), Long::sum));
    JsonNode result = run("{\"queryType\":\"groupBy\",\"dataSource\":" + INLINE + ",\"granularity\":\"all\","
        + "\"intervals\":[\"2018-03-06/2018-03-07\"],\"dimensions\":[\"country\"],\"aggregations\":["
        + "{\"type\":\"longSum\",\"name\":\"pop\",\"fieldName\":\"pop\"},{\"type\":\"count\",\"name\":\"rows\"}]}");
    List<String> countries = new ArrayList<>();
    result.forEach(row -> {
      String country = row.get("event").get("country").asText();
      countries.add(country);
      assertEquals(byCountry.get(country), row.get("event").get("pop").asLong(), row.toString());
    });
    assertEquals(new ArrayList<>(byCountry.keySet()), countries);
    assertEquals(ROWS.size(), (int) result.findValues("rows").stream().mapToLong(JsonNode::asLong).sum(),
        "no rollup: every row counts once");
  }

  @Test
  void scanReturnsTheRowsWithinTheIntervals() throws Exception {
    JsonNode result = run("{\"queryType\":\"scan\",\"dataSource\":" + INLINE + ","
        + "\"resultFormat\":\"compactedList\",\"columns\":[\"__time\",\"country\",\"city\",\"pop\"],"
        + "\"intervals\":[\"2018-03-06T09:00/2018-03-06T10:00\"]}");
    List<JsonNode> events = new ArrayList<>();
    result.forEach(batch -> batch.get("events").forEach(events::add));
    long start = Instant.parse("2018-03-06T09:00:00Z").toEpochMilli();
    List<List<Object>> expected = ROWS.stream()
        .filter(r -> (Long) r.get(0) >= start && (Long) r.get(0) < start + 3_600_000L).toList();
    assertEquals(3, expected.size());
    assertEquals(MAPPER.valueToTree(expected), MAPPER.valueToTree(events));
  }

  @Test
  void rowsWithoutTimeAreAtTheEpoch() throws Exception {
    JsonNode result = run("{\"queryType\":\"timeBoundary\",\"dataSource\":{\"type\":\"inline\",\"columnSignature\":["
        + "{\"name\":\"a\",\"type\":\"STRING\"}],\"rows\":[[\"x\"],[\"y\"]]}}");
    assertEquals("1970-01-01T00:00:00.000Z", result.get(0).get("result").get("minTime").asText(), result.toString());
  }

  @Test
  void badInlineDataIsInvalidInputNamingTheField() {
    String json = "{\"queryType\":\"timeBoundary\",\"dataSource\":{\"type\":\"inline\",\"columnNames\":[\"a\",\"b\"],"
        + "\"columnTypes\":[\"STRING\"],\"rows\":[]}}";
    DruidException e = assertThrows(DruidException.class,
        () -> JsonBodies.read(MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query"));
    assertTrue(e.getMessage().contains("columnTypes"), e.getMessage());
  }
}
