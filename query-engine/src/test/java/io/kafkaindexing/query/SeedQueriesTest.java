package io.kafkaindexing.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkaindexing.core.json.JsonBodies;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The seed's queries ({@code src/test/resources/seed/<name>-query.json}) over the seed's three rows
 * give Druid 33's answers ({@code <name>-result.json}) exactly, key order included.
 */
class SeedQueriesTest {
  private static final ObjectMapper MAPPER = QueryTestMapper.create();

  @ParameterizedTest
  @ValueSource(strings = {"search", "timeseries-all", "timeseries-hour", "topn", "groupby", "scan", "timeboundary",
      "datasourcemetadata"})
  void seedQueryGivesDruidsAnswer(String name) throws Exception {
    JsonNode expected = MAPPER.readTree(SeedData.read("seed/" + name + "-result.json"));
    assertEquals(expected.toString(), run(name).toString(), name);
  }

  /**
   * The segmentMetadata fixtures are Druid's answers for the persisted (handed-off) segment; the
   * in-memory index differs exactly as Druid's real-time index does: its interval ends after the
   * last row and its metrics (columns and aggregators) come in metricsSpec order. Everything else
   * must be equal.
   */
  @ParameterizedTest
  @ValueSource(strings = {"segmentmetadata", "segmentmetadata-all"})
  void segmentMetadataGivesDruidsAnswerUpToRealTimeDifferences(String name) throws Exception {
    ObjectNode expected = (ObjectNode) MAPPER.readTree(SeedData.read("seed/" + name + "-result.json")).get(0);
    ObjectNode actual = (ObjectNode) run(name).get(0);
    assertEquals("[\"2018-03-06T09:00:00.000Z/2018-03-06T09:58:00.001Z\"]", actual.get("intervals").toString());
    assertEquals(List.of("__time", "url", "user", "views", "latencyMs"), fieldNames(actual.get("columns")));
    actual.set("intervals", expected.get("intervals"));
    ObjectNode reordered = MAPPER.createObjectNode();
    expected.get("columns").fieldNames().forEachRemaining(c -> reordered.set(c, actual.get("columns").get(c)));
    actual.set("columns", reordered);
    if (expected.get("aggregators").isObject()) {
      assertEquals(List.of("views", "latencyMs"), fieldNames(actual.get("aggregators")));
      ObjectNode aggregators = MAPPER.createObjectNode();
      expected.get("aggregators").fieldNames().forEachRemaining(a -> aggregators.set(a, actual.get("aggregators").get(a)));
      actual.set("aggregators", aggregators);
    }
    assertEquals(expected.toString(), actual.toString(), name);
  }

  private static JsonNode run(String name) throws Exception {
    Query query = JsonBodies.read(MAPPER, SeedData.read("seed/" + name + "-query.json").getBytes(StandardCharsets.UTF_8),
        Query.class, "query");
    List<?> results = new QueryExecutor(SeedData.seedRegistry(MAPPER)).run(query.withId("seed-" + name));
    return MAPPER.readTree(MAPPER.writeValueAsString(results));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
