package io.kafkaindexing.query.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.query.Query;
import io.kafkaindexing.query.QueryExecutor;
import io.kafkaindexing.query.QueryTestMapper;
import io.kafkaindexing.query.SeedData;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code hyperUniqueCardinality} post-aggregator over a {@code cardinality} sketch of the seed's
 * users: its value (and arithmetic on it) is the distinct count of the raw events' users (exact for
 * so few values); it refuses a field that is not a sketch.
 */
class HyperUniqueCardinalityPostAggregatorTest {
  private static final ObjectMapper MAPPER = QueryTestMapper.create();

  private static JsonNode run(String aggregationsAndPost) throws Exception {
    String json = "{\"queryType\":\"timeseries\",\"dataSource\":\"metrics-kafka\",\"granularity\":\"all\","
        + "\"intervals\":[\"2018-03-06/2018-03-07\"]," + aggregationsAndPost + "}";
    Query query = JsonBodies.read(MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
    return MAPPER.readTree(MAPPER.writeValueAsString(
        new QueryExecutor(SeedData.seedRegistry(MAPPER)).run(query.withId("hu")))).get(0).get("result");
  }

  @Test
  void estimatesTheSketchAndFeedsArithmetic() throws Exception {
    Set<Object> users = SeedData.events(MAPPER).stream().map(e -> e.get("user")).collect(Collectors.toSet());
    JsonNode result = run("\"aggregations\":[{\"type\":\"cardinality\",\"name\":\"users\",\"fields\":[\"user\"],"
        + "\"round\":true}],\"postAggregations\":[{\"type\":\"hyperUniqueCardinality\",\"name\":\"est\","
        + "\"fieldName\":\"users\"},{\"type\":\"arithmetic\",\"name\":\"tenTimes\",\"fn\":\"*\",\"fields\":["
        + "{\"type\":\"hyperUniqueCardinality\",\"fieldName\":\"users\"},{\"type\":\"constant\",\"value\":10}]}]");
    assertEquals(users.size(), result.get("est").asInt(), result.toString());
    assertEquals(users.size(), result.get("users").asInt(), result.toString());
    assertEquals(10.0 * users.size(), result.get("tenTimes").asDouble(), result.toString());
  }

  @Test
  void aFieldThatIsNoSketchIsRefused() {
    DruidException e = assertThrows(DruidException.class, () -> run("\"aggregations\":[{\"type\":\"longSum\","
        + "\"name\":\"views\",\"fieldName\":\"views\"}],\"postAggregations\":[{\"type\":\"hyperUniqueCardinality\","
        + "\"name\":\"est\",\"fieldName\":\"views\"}]"));
    assertEquals(400, e.httpStatus());
    assertTrue(e.getMessage().contains("fieldName"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"type\":\"hyperUniqueCardinality\",\"name\":\"est\",\"fieldName\":\"users\"}",
      "{\"type\":\"arithmetic\",\"name\":\"a\",\"fn\":\"+\",\"fields\":[{\"type\":\"fieldAccess\",\"name\":\"x\","
          + "\"fieldName\":\"x\"},{\"type\":\"constant\",\"name\":\"one\",\"value\":1}]}",
      "{\"type\":\"finalizingFieldAccess\",\"name\":\"f\",\"fieldName\":\"users\"}",
  })
  void writesBackOnlyItsDocumentedFields(String json) throws Exception {
    String written = MAPPER.writeValueAsString(MAPPER.readValue(json, PostAggregator.class));
    assertTrue(!written.contains("comparator") && !written.contains("dependentFields"), written);
    assertEquals(MAPPER.readValue(json, PostAggregator.class), MAPPER.readValue(written, PostAggregator.class));
  }
}
