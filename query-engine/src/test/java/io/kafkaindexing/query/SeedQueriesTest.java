package io.kafkaindexing.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.json.JsonBodies;
import java.nio.charset.StandardCharsets;
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
  @ValueSource(strings = {"search", "timeseries-all", "timeseries-hour", "topn", "groupby"})
  void seedQueryGivesDruidsAnswer(String name) throws Exception {
    Query query = JsonBodies.read(MAPPER, SeedData.read("seed/" + name + "-query.json").getBytes(StandardCharsets.UTF_8),
        Query.class, "query");
    List<?> results = new QueryExecutor(SeedData.seedRegistry(MAPPER)).run(query.withId("seed-" + name));
    JsonNode expected = MAPPER.readTree(SeedData.read("seed/" + name + "-result.json"));
    JsonNode actual = MAPPER.readTree(MAPPER.writeValueAsString(results));
    assertEquals(expected.toString(), actual.toString(), name);
  }
}
