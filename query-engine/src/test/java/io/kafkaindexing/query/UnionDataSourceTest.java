package io.kafkaindexing.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.segment.granularity.Granularities;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code union} data source: the seed's rows split over two tables (one in memory, one
 * persisted) read as one. Expected answers are computed from the raw seed events.
 */
class UnionDataSourceTest {
  private static final ObjectMapper MAPPER = QueryTestMapper.create();

  private static final Map<SeedData.Form, SegmentRegistry> REGISTRIES = new EnumMap<>(SeedData.Form.class);

  @BeforeAll
  static void announceBothTables(@TempDir Path tmp) {
    for (SeedData.Form form : SeedData.Form.values()) {
      REGISTRIES.put(form, announce(form, tmp));
    }
  }

  private static SegmentRegistry registry(SeedData.Form leftForm) {
    return REGISTRIES.get(leftForm);
  }

  private static SegmentRegistry announce(SeedData.Form leftForm, Path tmp) {
    List<Map<String, Object>> events = SeedData.events(MAPPER);
    SegmentRegistry registry = new SegmentRegistry();
    SeedData.announce(registry, "left", Granularities.HOUR, leftForm.of(SeedData.indexBySegment(
        SeedData.inputRows(events.subList(0, 1)), Granularities.HOUR, SeedData::seedSchema), Granularities.HOUR,
        tmp.resolve("left-" + leftForm)));
    SeedData.announce(registry, "right", Granularities.HOUR, SeedData.Form.PERSISTED.of(SeedData.indexBySegment(
        SeedData.inputRows(events.subList(1, events.size())), Granularities.HOUR, SeedData::seedSchema),
        Granularities.HOUR, tmp.resolve("right-" + leftForm)));
    return registry;
  }

  private static JsonNode run(SegmentRegistry registry, String json) throws Exception {
    Query query = JsonBodies.read(MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
    return MAPPER.readTree(MAPPER.writeValueAsString(new QueryExecutor(registry).run(query.withId("union"))));
  }

  @ParameterizedTest
  @EnumSource(SeedData.Form.class)
  void groupByOverAUnionCountsTheRowsOfEveryTable(SeedData.Form form) throws Exception {
    Map<String, Integer> viewsByUser = new TreeMap<>();
    Map<String, Double> latencyByUser = new TreeMap<>();
    for (Map<String, Object> e : SeedData.events(MAPPER)) {
      viewsByUser.merge((String) e.get("user"), 1, Integer::sum);
      latencyByUser.merge((String) e.get("user"), ((Number) e.get("latencyMs")).doubleValue(), Double::sum);
    }
    List<Map<String, Object>> expected = new ArrayList<>();
    viewsByUser.forEach((user, views) -> expected.add(Map.of("version", "v1", "timestamp", "2018-03-06T00:00:00.000Z",
        "event", Map.of("user", user, "views", views, "latencyMs", latencyByUser.get(user)))));
    JsonNode actual = run(registry(form), "{\"queryType\":\"groupBy\",\"dataSource\":{\"type\":\"union\","
        + "\"dataSources\":[\"left\",{\"type\":\"table\",\"name\":\"right\"},\"missing\"]},\"granularity\":\"all\","
        + "\"dimensions\":[\"user\"],\"aggregations\":[{\"type\":\"longSum\",\"name\":\"views\","
        + "\"fieldName\":\"views\"},"
        + "{\"type\":\"doubleSum\",\"name\":\"latencyMs\",\"fieldName\":\"latencyMs\"}],"
        + "\"intervals\":[\"2018-03-06/2018-03-07\"]}");
    assertEquals(MAPPER.valueToTree(expected), actual);
  }

  @ParameterizedTest
  @EnumSource(SeedData.Form.class)
  void timeBoundaryAndScanSeeBothTables(SeedData.Form form) throws Exception {
    List<Map<String, Object>> events = SeedData.events(MAPPER);
    SegmentRegistry registry = registry(form);
    JsonNode boundary = run(registry, "{\"queryType\":\"timeBoundary\",\"dataSource\":{\"type\":\"union\","
        + "\"dataSources\":[\"right\",\"left\"]}}");
    assertEquals(events.get(0).get("time").toString().replace("Z", ".000Z"),
        boundary.get(0).get("result").get("minTime").asText());
    assertEquals(events.get(events.size() - 1).get("time").toString().replace("Z", ".000Z"),
        boundary.get(0).get("result").get("maxTime").asText());
    JsonNode scan = run(registry, "{\"queryType\":\"scan\",\"dataSource\":{\"type\":\"union\",\"dataSources\":"
        + "[\"left\",\"right\"]},\"columns\":[\"__time\",\"user\",\"url\"],\"order\":\"ascending\","
        + "\"intervals\":[\"2018-03-06/2018-03-07\"]}");
    List<String> users = new ArrayList<>();
    scan.forEach(batch -> batch.get("events").forEach(row -> users.add(row.get("user").asText())));
    assertEquals(events.stream().map(e -> e.get("user")).toList(), users);
  }

  @Test
  void aUnionWritesBackAsDruidsObjectForm() throws Exception {
    String json = "{\"queryType\":\"timeBoundary\",\"dataSource\":{\"type\":\"union\",\"dataSources\":[\"a\",\"b\"]}}";
    Query query = JsonBodies.read(MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
    assertEquals("{\"type\":\"union\",\"dataSources\":[{\"type\":\"table\",\"name\":\"a\"},{\"type\":\"table\","
        + "\"name\":\"b\"}]}", MAPPER.writeValueAsString(query.getDataSource()));
    assertEquals(query, MAPPER.readValue(MAPPER.writeValueAsString(query), Query.class));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"type\":\"union\"}",
      "{\"type\":\"union\",\"dataSources\":[]}",
      "{\"type\":\"union\",\"dataSources\":[{\"type\":\"union\",\"dataSources\":[\"a\"]}]}",
      "{\"type\":\"union\",\"dataSources\":[{\"type\":\"query\"}]}",
  })
  void badUnionsAreInvalidInputNamingTheField(String dataSource) {
    String json = "{\"queryType\":\"timeBoundary\",\"dataSource\":" + dataSource + "}";
    DruidException e = assertThrows(DruidException.class,
        () -> JsonBodies.read(MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query"));
    assertEquals("invalidInput", e.errorCode(), e.getMessage());
    assertTrue(e.getMessage().contains("dataSource"), e.getMessage());
  }
}
