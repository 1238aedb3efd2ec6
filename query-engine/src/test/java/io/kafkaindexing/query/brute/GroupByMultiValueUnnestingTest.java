package io.kafkaindexing.query.brute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.query.Query;
import io.kafkaindexing.query.QueryExecutor;
import io.kafkaindexing.query.SegmentRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Context {@code groupByEnableMultiValueUnnesting: false}: grouping on the multi-value {@code tags}
 * of {@link BruteData} (which has rows with several tags) is a 400 naming the dimension; grouping on
 * single-valued dimensions answers as with unnesting. Run on both segment forms like every brute
 * suite (see {@link BruteData#FORM}); on persisted segments one dimension is grouped on dictionary ids.
 */
class GroupByMultiValueUnnestingTest {
  private static JsonNode run(String dimension, String context) throws Exception {
    return run(BruteData.REGISTRY, dimension, context);
  }

  private static JsonNode run(SegmentRegistry registry, String dimension, String context) throws Exception {
    String json = "{\"queryType\":\"groupBy\",\"dataSource\":\"" + BruteData.DS + "\",\"granularity\":\"all\","
        + "\"intervals\":[\"2018-03-06/2018-03-07\"],\"dimensions\":[\"" + dimension + "\"],"
        + "\"aggregations\":[{\"type\":\"longSum\",\"name\":\"rows\",\"fieldName\":\"rows\"}],\"context\":" + context
        + "}";
    Query query = JsonBodies.read(Brute.MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
    return Brute.MAPPER.readTree(Brute.MAPPER.writeValueAsString(
        new QueryExecutor(registry).run(query.withId("mv"))));
  }

  @Test
  void multiValueRowsAreRefusedWhenUnnestingIsOff() throws Exception {
    boolean hasMultiValueRow = BruteData.SEGMENTS.values().stream().flatMap(List::stream)
        .anyMatch(r -> r.values("tags").size() > 1);
    assertTrue(hasMultiValueRow, "the data has a row with several tags");
    for (SegmentRegistry registry : List.of(BruteData.REGISTRY)) {
      DruidException e = assertThrows(DruidException.class,
          () -> run(registry, "tags", "{\"groupByEnableMultiValueUnnesting\":false}"));
      assertEquals(400, e.httpStatus());
      assertTrue(e.getMessage().contains("dimension[tags]"), e.getMessage());
    }
    assertTrue(run("tags", "{}").size() > 1);
  }

  @Test
  void singleValueDimensionsAnswerAsWithUnnesting() throws Exception {
    assertEquals(run("user", "{}"), run("user", "{\"groupByEnableMultiValueUnnesting\":\"false\"}"));
  }
}
