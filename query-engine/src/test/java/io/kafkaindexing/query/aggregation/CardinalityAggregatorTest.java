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
import io.kafkaindexing.query.SegmentRegistry;
import io.kafkaindexing.segment.aggregation.CountAggregatorFactory;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.incremental.IncrementalIndexSchema;
import io.kafkaindexing.segment.row.InputRow;
import io.kafkaindexing.segment.row.MapBasedInputRow;
import io.kafkaindexing.segment.spec.DimensionSchema;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@code cardinality} aggregator over rows with nulls, empty strings, multi-value and long
 * columns, on the in-memory index and on persisted segments, against distinct counts computed here
 * from the raw rows with Druid's rules: by value, null values are not counted; by row, a field's
 * null contributes nothing (so it collides with ""), multi-value rows count as their sorted values.
 * Estimates are within 3% (or 2) of the exact count (HyperLogLog with 2048 buckets); that they
 * equal Druid's own estimates bit for bit is checked by the compat tests, with Druid as the judge.
 */
class CardinalityAggregatorTest {
  private static final ObjectMapper MAPPER = QueryTestMapper.create();
  private static final long START = 1520326800000L; // 2018-03-06T09:00Z

  private static List<Map<String, Object>> events() {
    Random random = new Random(77);
    String[] tags = {"x", "y", "z"};
    List<Map<String, Object>> events = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      Map<String, Object> e = new HashMap<>();
      e.put("__t", START + random.nextInt(2 * 3600) * 1000L);
      int u = random.nextInt(420);
      if (u < 400) {
        e.put("user", "user" + u);
      } else if (u < 410) {
        e.put("user", "");
      }
      e.put("url", "/p" + random.nextInt(12));
      List<String> t = new ArrayList<>();
      for (int k = random.nextInt(3); k > 0; k--) {
        t.add(tags[random.nextInt(tags.length)]);
      }
      e.put("tags", t);
      if (random.nextInt(5) > 0) {
        e.put("n", (long) random.nextInt(50));
      }
      events.add(e);
    }
    return events;
  }

  private static SegmentRegistry registry(SeedData.Form form, List<Map<String, Object>> events, Path tmp) {
    List<InputRow> rows = new ArrayList<>();
    for (Map<String, Object> e : events) {
      rows.add(new MapBasedInputRow((Long) e.get("__t"), List.of("user", "url", "tags", "n"), e));
    }
    DimensionsSpec dims = new DimensionsSpec(List.of(DimensionSchema.of("user"), DimensionSchema.of("url"),
        DimensionSchema.of("tags"), new DimensionSchema("n", "long", null, null)), null, null, null);
    SegmentRegistry registry = new SegmentRegistry();
    SeedData.announce(registry, "c", Granularities.HOUR, form.of(SeedData.indexBySegment(rows, Granularities.HOUR,
        start -> IncrementalIndexSchema.builder().minTimestamp(start).queryGranularity(Granularities.NONE)
            .dimensionsSpec(dims).metrics(new CountAggregatorFactory("rows")).rollup(false).build()),
        Granularities.HOUR, tmp));
    return registry;
  }

  private static List<String> values(Map<String, Object> e, String field) {
    Object v = e.get(field);
    if (v == null) {
      return Arrays.asList((String) null);
    }
    if (v instanceof List<?> list) {
      if (list.isEmpty()) {
        return Arrays.asList((String) null);
      }
      return list.stream().map(Object::toString).toList();
    }
    return List.of(v.toString());
  }

  /** Distinct keys over the rows of each hour. */
  private static Map<Long, Integer> exact(List<Map<String, Object>> events, Function<Map<String, Object>, Set<String>> keys) {
    Map<Long, Set<String>> out = new HashMap<>();
    for (Map<String, Object> e : events) {
      long hour = START + ((Long) e.get("__t") - START) / 3_600_000L * 3_600_000L;
      out.computeIfAbsent(hour, h -> new HashSet<>()).addAll(keys.apply(e));
    }
    Map<Long, Integer> counts = new HashMap<>();
    out.forEach((h, s) -> counts.put(h, s.size()));
    return counts;
  }

  private static Set<String> byValue(Map<String, Object> e, List<String> fields) {
    Set<String> out = new HashSet<>();
    for (String f : fields) {
      for (String v : values(e, f)) {
        if (v != null) {
          out.add((f.equals("n") ? "#" : "s") + v);
        }
      }
    }
    return out;
  }

  private static Set<String> byRow(Map<String, Object> e, List<String> fields) {
    StringBuilder key = new StringBuilder();
    for (String f : fields) {
      List<String> vs = values(e, f);
      key.append('\u0000');
      if (vs.stream().anyMatch(java.util.Objects::nonNull)) {
        key.append(String.join("\u0001", vs.stream().map(v -> v == null ? "\u0000" : v).sorted().toList()));
      }
    }
    return Set.of(key.toString());
  }

  private static JsonNode run(SegmentRegistry registry, String aggregator) throws Exception {
    String json = "{\"queryType\":\"timeseries\",\"dataSource\":\"c\",\"intervals\":[\"2018-03-06/2018-03-07\"],"
        + "\"granularity\":\"hour\",\"aggregations\":[" + aggregator + "]}";
    Query query = JsonBodies.read(MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
    return MAPPER.readTree(MAPPER.writeValueAsString(new QueryExecutor(registry).run(query)));
  }

  private static void assertClose(Map<Long, Integer> expected, JsonNode results, boolean rounded) {
    assertEquals(expected.size(), results.size());
    for (JsonNode r : results) {
      long hour = org.joda.time.DateTime.parse(r.get("timestamp").asText()).getMillis();
      int want = expected.get(hour);
      JsonNode got = r.get("result").get("a");
      if (rounded) {
        assertTrue(got.isIntegralNumber(), "round gives a long: " + got);
      } else {
        assertTrue(got.isDouble(), "the estimate is a double: " + got);
      }
      double tolerance = Math.max(2, want * 0.03);
      assertTrue(Math.abs(got.asDouble() - want) <= tolerance, "hour " + hour + ": exact " + want + ", estimate " + got);
    }
  }

  @ParameterizedTest
  @EnumSource(SeedData.Form.class)
  void byValueCountsDistinctNonNullValuesOfAllFields(SeedData.Form form, @TempDir Path tmp) throws Exception {
    List<Map<String, Object>> events = events();
    SegmentRegistry registry = registry(form, events, tmp);
    assertClose(exact(events, e -> byValue(e, List.of("user"))),
        run(registry, "{\"type\":\"cardinality\",\"name\":\"a\",\"fields\":[\"user\"]}"), false);
    assertClose(exact(events, e -> byValue(e, List.of("tags"))),
        run(registry, "{\"type\":\"cardinality\",\"name\":\"a\",\"fields\":[\"tags\"],\"round\":true}"), true);
    assertClose(exact(events, e -> byValue(e, List.of("n"))),
        run(registry, "{\"type\":\"cardinality\",\"name\":\"a\",\"fields\":[\"n\"],\"round\":true}"), true);
    assertClose(exact(events, e -> byValue(e, List.of("url", "tags"))),
        run(registry, "{\"type\":\"cardinality\",\"name\":\"a\",\"fields\":[\"url\",{\"type\":\"default\","
            + "\"dimension\":\"tags\"}],\"round\":true}"), true);
  }

  @ParameterizedTest
  @EnumSource(SeedData.Form.class)
  void byRowCountsDistinctCombinations(SeedData.Form form, @TempDir Path tmp) throws Exception {
    List<Map<String, Object>> events = events();
    SegmentRegistry registry = registry(form, events, tmp);
    assertClose(exact(events, e -> byRow(e, List.of("url", "tags"))),
        run(registry, "{\"type\":\"cardinality\",\"name\":\"a\",\"fields\":[\"url\",\"tags\"],\"byRow\":true,"
            + "\"round\":true}"), true);
    assertClose(exact(events, e -> byRow(e, List.of("user", "url"))),
        run(registry, "{\"type\":\"cardinality\",\"name\":\"a\",\"fields\":[\"user\",\"url\"],\"byRow\":true}"), false);
  }

  @ParameterizedTest
  @EnumSource(SeedData.Form.class)
  void extractionFieldsCountMappedValues(SeedData.Form form, @TempDir Path tmp) throws Exception {
    List<Map<String, Object>> events = events();
    SegmentRegistry registry = registry(form, events, tmp);
    // substring(0, 5) of "userNNN" is "userN": 10 values, plus "" stays "" (Druid: substring of "" is null).
    assertClose(exact(events, e -> {
      String u = (String) e.get("user");
      return u == null || u.isEmpty() ? Set.of() : Set.of(u.substring(0, 5));
    }), run(registry, "{\"type\":\"cardinality\",\"name\":\"a\",\"fields\":[{\"type\":\"extraction\","
        + "\"dimension\":\"user\",\"outputName\":\"u\",\"extractionFn\":{\"type\":\"substring\",\"index\":0,"
        + "\"length\":5}}],\"round\":true}"), true);
  }

  @ParameterizedTest
  @EnumSource(SeedData.Form.class)
  void granularityAllMergesSketchesAcrossSegments(SeedData.Form form, @TempDir Path tmp) throws Exception {
    List<Map<String, Object>> events = events();
    SegmentRegistry registry = registry(form, events, tmp);
    String json = "{\"queryType\":\"timeseries\",\"dataSource\":\"c\",\"intervals\":[\"2018-03-06/2018-03-07\"],"
        + "\"granularity\":\"all\",\"aggregations\":[{\"type\":\"cardinality\",\"name\":\"a\",\"fields\":[\"user\"],"
        + "\"round\":true}]}";
    Query query = JsonBodies.read(MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
    JsonNode out = MAPPER.readTree(MAPPER.writeValueAsString(new QueryExecutor(registry).run(query)));
    Set<String> all = new HashSet<>();
    events.forEach(e -> all.addAll(byValue(e, List.of("user"))));
    long got = out.get(0).get("result").get("a").asLong();
    assertTrue(Math.abs(got - all.size()) <= all.size() * 0.03, "exact " + all.size() + ", estimate " + got);
  }

  @org.junit.jupiter.api.Test
  void fieldsAreRequired() {
    String json = "{\"queryType\":\"timeseries\",\"dataSource\":\"c\",\"intervals\":[\"2018/2019\"],"
        + "\"granularity\":\"all\",\"aggregations\":[{\"type\":\"cardinality\",\"name\":\"a\"}]}";
    DruidException e = assertThrows(DruidException.class,
        () -> JsonBodies.read(MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query"));
    assertTrue(e.getMessage().contains("fields"), e.getMessage());
  }
}
