package io.kafkaindexing.query.brute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.query.Query;
import io.kafkaindexing.query.QueryExecutor;
import io.kafkaindexing.query.brute.BruteData.StoredRow;
import io.kafkaindexing.query.dimension.DimensionSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The filtered dimension specs ({@code listFiltered}, {@code regexFiltered}, {@code prefixFiltered})
 * grouping the multi-value {@code tags} of {@link BruteData}: each kept value of a row counts the
 * row; a row left without values counts under null. Expected answers are counted from the stored rows.
 */
class FilteredDimensionSpecBruteForceTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"type\":\"listFiltered\",\"delegate\":\"tags\",\"values\":[\"x\",\"z\"]}|list:x,z",
      "{\"type\":\"listFiltered\",\"delegate\":{\"type\":\"default\",\"dimension\":\"tags\"},\"values\":[\"x\"],"
          + "\"isWhitelist\":false}|notlist:x",
      "{\"type\":\"regexFiltered\",\"delegate\":\"tags\",\"pattern\":\"[xX]\"}|regex:[xX]",
      "{\"type\":\"prefixFiltered\",\"delegate\":\"tags\",\"prefix\":\"y\"}|prefix:y",
  })
  void groupByOnTagsKeepsOnlyTheAcceptedValues(String spec, String rule) throws Exception {
    String json = "{\"queryType\":\"groupBy\",\"dataSource\":\"" + BruteData.DS + "\",\"granularity\":\"all\","
        + "\"intervals\":[\"2018-03-06/2018-03-07\"],\"dimensions\":[" + spec + "],"
        + "\"aggregations\":[{\"type\":\"longSum\",\"name\":\"rows\",\"fieldName\":\"rows\"}]}";
    Query query = JsonBodies.read(Brute.MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
    JsonNode actual = Brute.MAPPER.readTree(Brute.MAPPER.writeValueAsString(
        new QueryExecutor(BruteData.REGISTRY).run(query.withId("filtered-spec"))));

    Predicate<String> keeps = rule(rule);
    TreeMap<String, Long> counts = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
    for (List<StoredRow> segment : BruteData.SEGMENTS.values()) {
      for (StoredRow r : segment) {
        List<String> kept = r.values("tags").stream().filter(keeps).toList();
        long rows = ((Number) r.metrics().get("rows")).longValue();
        for (String v : kept.isEmpty() ? Collections.<String>singletonList(null) : kept) {
          counts.merge(v, rows, Long::sum);
        }
      }
    }
    List<Map<String, Object>> expected = new ArrayList<>();
    counts.forEach((value, rows) -> {
      Map<String, Object> event = new LinkedHashMap<>();
      event.put("tags", value);
      event.put("rows", rows);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("version", "v1");
      row.put("timestamp", "2018-03-06T00:00:00.000Z");
      row.put("event", event);
      expected.add(row);
    });
    assertTrue(counts.size() > 1, "the rule keeps something");
    Brute.assertJsonTextEquals(expected, actual, json);
  }

  private static Predicate<String> rule(String rule) {
    String arg = rule.substring(rule.indexOf(':') + 1);
    return switch (rule.substring(0, rule.indexOf(':'))) {
      case "list" -> v -> Arrays.asList(arg.split(",")).contains(v);
      case "notlist" -> v -> !Arrays.asList(arg.split(",")).contains(v);
      case "regex" -> v -> v != null && Pattern.compile(arg).matcher(v).matches();
      default -> v -> v != null && v.startsWith(arg);
    };
  }

  @Test
  void specsWriteBackAsTheyAreRead() throws Exception {
    for (String json : List.of(
        "{\"type\":\"listFiltered\",\"delegate\":{\"type\":\"default\",\"dimension\":\"tags\",\"outputName\":\"t\"},"
            + "\"values\":[\"x\"],\"isWhitelist\":false}",
        "{\"type\":\"regexFiltered\",\"delegate\":\"tags\",\"pattern\":\"a.*\"}",
        "{\"type\":\"prefixFiltered\",\"delegate\":\"tags\",\"prefix\":\"a\"}")) {
      DimensionSpec spec = Brute.MAPPER.readValue(json, DimensionSpec.class);
      String written = Brute.MAPPER.writeValueAsString(spec);
      assertEquals(spec, Brute.MAPPER.readValue(written, DimensionSpec.class), written);
      JsonNode tree = Brute.MAPPER.readTree(written);
      assertEquals(Brute.MAPPER.readTree(json).get("type"), tree.get("type"), written);
      assertTrue(tree.has("delegate") && !tree.has("dimension") && !tree.has("outputName"), written);
    }
  }
}
