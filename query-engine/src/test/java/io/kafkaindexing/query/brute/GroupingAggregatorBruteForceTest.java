package io.kafkaindexing.query.brute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.query.Query;
import io.kafkaindexing.query.QueryExecutor;
import io.kafkaindexing.query.brute.BruteData.StoredRow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The {@code grouping} aggregator with Druid's documented subtotals {@code [[user, url], [user],
 * [url], []]}: each grouping set's rows carry 0, 1, 2 and 3, and the number of rows of each set is
 * the number of distinct keys counted from the stored rows of {@link BruteData}.
 */
class GroupingAggregatorBruteForceTest {
  private static JsonNode run(String extra) throws Exception {
    String json = "{\"queryType\":\"groupBy\",\"dataSource\":\"" + BruteData.DS + "\",\"granularity\":\"all\","
        + "\"intervals\":[\"2018-03-06/2018-03-07\"],\"dimensions\":[\"user\",\"url\"],"
        + "\"aggregations\":[{\"type\":\"longSum\",\"name\":\"rows\",\"fieldName\":\"rows\"},"
        + "{\"type\":\"grouping\",\"name\":\"g\",\"groupings\":[\"user\",\"url\"]}]" + extra + "}";
    Query query = JsonBodies.read(Brute.MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
    return Brute.MAPPER.readTree(Brute.MAPPER.writeValueAsString(
        new QueryExecutor(BruteData.REGISTRY).run(query.withId("grouping"))));
  }

  @Test
  void eachGroupingSetCarriesItsBits() throws Exception {
    Set<List<String>> both = new HashSet<>();
    Set<String> users = new HashSet<>();
    Set<String> urls = new HashSet<>();
    long total = 0;
    for (List<StoredRow> segment : BruteData.SEGMENTS.values()) {
      for (StoredRow r : segment) {
        String user = r.values("user").get(0);
        String url = r.values("url").get(0);
        both.add(Arrays.asList(user, url));
        users.add(user);
        urls.add(url);
        total += ((Number) r.metrics().get("rows")).longValue();
      }
    }
    List<Long> expected = new ArrayList<>();
    both.forEach(k -> expected.add(0L));
    users.forEach(k -> expected.add(1L));
    urls.forEach(k -> expected.add(2L));
    expected.add(3L);

    JsonNode result = run(",\"subtotalsSpec\":[[\"user\",\"url\"],[\"user\"],[\"url\"],[]]");
    List<Long> actual = new ArrayList<>();
    long[] rowsPerSet = new long[4];
    result.forEach(row -> {
      long g = row.get("event").get("g").asLong();
      actual.add(g);
      rowsPerSet[(int) g] += row.get("event").get("rows").asLong();
    });
    assertEquals(expected, actual);
    for (long rows : rowsPerSet) {
      assertEquals(total, rows, "every grouping set counts every row");
    }
  }

  @Test
  void withoutSubtotalsEveryRowIsTheFullGrouping() throws Exception {
    JsonNode result = run("");
    assertTrue(result.size() > 1);
    result.forEach(row -> assertEquals(0, row.get("event").get("g").asLong(), row.toString()));
  }

  @Test
  void groupingsMustBeQueryDimensions() {
    String json = "{\"queryType\":\"groupBy\",\"dataSource\":\"x\",\"granularity\":\"all\","
        + "\"intervals\":[\"2018/2019\"],\"dimensions\":[\"user\"],\"aggregations\":[{\"type\":\"grouping\","
        + "\"name\":\"g\",\"groupings\":[\"url\"]}]}";
    DruidException e = assertThrows(DruidException.class,
        () -> JsonBodies.read(Brute.MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query"));
    assertTrue(e.getMessage().contains("groupings"), e.getMessage());
  }
}
