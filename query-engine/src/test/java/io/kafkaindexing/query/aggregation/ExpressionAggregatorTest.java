package io.kafkaindexing.query.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.aggregation.CountAggregatorFactory;
import io.kafkaindexing.segment.aggregation.DoubleMaxAggregatorFactory;
import io.kafkaindexing.segment.aggregation.LongSumAggregatorFactory;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.incremental.IncrementalIndex;
import io.kafkaindexing.segment.incremental.IncrementalIndexSchema;
import io.kafkaindexing.segment.row.InputRow;
import io.kafkaindexing.segment.row.MapBasedInputRow;
import io.kafkaindexing.segment.spec.DimensionSchema;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@code expression} field of the simple numeric aggregators, at query time and in the metrics
 * of ingested rows (through segment-format's expression seam), checked against sums, minima and
 * maxima computed by brute force over random raw rows (with nulls) per hour, on every segment form.
 */
class ExpressionAggregatorTest {
  private static final String DS = "exprAgg";
  private static final long START = new DateTime("2021-05-01T00:00:00Z", DateTimeZone.UTC).getMillis();
  private static final long HOUR = 3_600_000L;
  private static final ObjectMapper MAPPER = QueryTestMapper.create();
  private static final Map<SeedData.Form, SegmentRegistry> REGISTRIES = new EnumMap<>(SeedData.Form.class);
  private static final List<Map<String, Object>> EVENTS = new ArrayList<>();
  private static final List<Long> TIMES = new ArrayList<>();

  @TempDir
  static Path tmp;

  @BeforeAll
  static void setUp() {
    Random random = new Random(7);
    String[] strings = {"a", "bb", "ccc", "", null};
    List<InputRow> rows = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      long time = START + random.nextInt(3 * 3600) * 1000L;
      Map<String, Object> event = new HashMap<>();
      String s = strings[random.nextInt(strings.length)];
      if (s != null) {
        event.put("s", s);
      }
      if (random.nextInt(5) > 0) {
        event.put("n", (long) random.nextInt(9) - 3);
      }
      if (random.nextInt(4) > 0) {
        event.put("d", random.nextInt(2000) / 8.0 - 100);
      }
      event.put("added", random.nextInt(100));
      EVENTS.add(event);
      TIMES.add(time);
      rows.add(new MapBasedInputRow(time, List.of("s", "n", "d"), event));
    }
    Map<Long, IncrementalIndex> indexes = SeedData.indexBySegment(rows, Granularities.HOUR, start ->
        IncrementalIndexSchema.builder().minTimestamp(start).queryGranularity(Granularities.NONE)
            .dimensionsSpec(new DimensionsSpec(List.of(DimensionSchema.of("s"),
                new DimensionSchema("n", "long", null, null), new DimensionSchema("d", "double", null, null)),
                null, null, null))
            .metrics(new CountAggregatorFactory("rows"), new LongSumAggregatorFactory("added", "added", null),
                new LongSumAggregatorFactory("twice", null, "added * 2 + n"),
                new DoubleMaxAggregatorFactory("dmax", null, "d * 2"))
            .rollup(false).build());
    for (SeedData.Form form : SeedData.Form.values()) {
      SegmentRegistry registry = new SegmentRegistry();
      SeedData.announce(registry, DS, Granularities.HOUR, form.of(indexes, Granularities.HOUR,
          tmp.resolve(form.name())));
      REGISTRIES.put(form, registry);
    }
  }

  private static JsonNode run(SeedData.Form form, String json) throws Exception {
    Query query = JsonBodies.read(MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
    return MAPPER.readTree(MAPPER.writeValueAsString(new QueryExecutor(REGISTRIES.get(form)).run(query)));
  }

  private static final String AGGREGATIONS = "["
      + "{\"type\":\"longSum\",\"name\":\"a\",\"expression\":\"n * 3 + added\"},"
      + "{\"type\":\"doubleSum\",\"name\":\"b\",\"expression\":\"d / 4\"},"
      + "{\"type\":\"floatMin\",\"name\":\"c\",\"expression\":\"d - n\"},"
      + "{\"type\":\"longMax\",\"name\":\"e\",\"expression\":\"strlen(s)\"},"
      + "{\"type\":\"doubleMin\",\"name\":\"f\",\"expression\":\"if(n > 2, d, -1.0)\"},"
      + "{\"type\":\"floatSum\",\"name\":\"g\",\"expression\":\"n / 2.0\"},"
      + "{\"type\":\"longMin\",\"name\":\"h\",\"expression\":\"added - n\"},"
      + "{\"type\":\"doubleMax\",\"name\":\"i\",\"expression\":\"d + added\"},"
      + "{\"type\":\"floatMax\",\"name\":\"j\",\"expression\":\"added / 3.0\"},"
      + "{\"type\":\"longSum\",\"name\":\"t\",\"fieldName\":\"twice\"},"
      + "{\"type\":\"doubleMax\",\"name\":\"m\",\"fieldName\":\"dmax\"},"
      + "{\"type\":\"longSum\",\"name\":\"tq\",\"expression\":\"twice + 1\"}]";

  @ParameterizedTest
  @EnumSource(SeedData.Form.class)
  void aggregatorExpressionsAgreeWithBruteForce(SeedData.Form form) throws Exception {
    JsonNode result = run(form, "{\"queryType\":\"timeseries\",\"dataSource\":\"" + DS + "\","
        + "\"intervals\":[\"2021-05-01T00/2021-05-01T03\"],\"granularity\":\"hour\",\"aggregations\":"
        + AGGREGATIONS + "}");
    assertEquals(3, result.size(), result.toString());
    for (int h = 0; h < 3; h++) {
      JsonNode got = result.get(h).get("result");
      List<Map<String, Object>> rows = eventsIn(START + h * HOUR);
      assertFalse(rows.isEmpty());
      check(got, "a", fold(rows, e -> n(e) == null ? null : n(e) * 3 + added(e), Long::sum));
      check(got, "b", fold(rows, e -> d(e) == null ? null : d(e) / 4, Double::sum));
      check(got, "c", fold(rows, e -> d(e) == null || n(e) == null ? null : d(e) - n(e), Math::min));
      check(got, "e", fold(rows, e -> e.get("s") == null ? null : (long) ((String) e.get("s")).length(), Math::max));
      check(got, "f", fold(rows, e -> n(e) != null && n(e) > 2 ? d(e) : (Double) (-1.0), Math::min));
      check(got, "g", fold(rows, e -> n(e) == null ? null : n(e) / 2.0, Double::sum));
      check(got, "h", fold(rows, e -> n(e) == null ? null : added(e) - n(e), Math::min));
      check(got, "i", fold(rows, e -> d(e) == null ? null : d(e) + added(e), Math::max));
      check(got, "j", fold(rows, e -> added(e) / 3.0, Math::max));
      Long twice = fold(rows, e -> n(e) == null ? null : added(e) * 2 + n(e), Long::sum);
      check(got, "t", twice);
      check(got, "m", fold(rows, e -> d(e) == null ? null : d(e) * 2, Math::max));
      // "twice" is stored per row; rows without n stored null (skipped), so tq = sum over them of (twice + 1)
      check(got, "tq", fold(rows, e -> n(e) == null ? null : added(e) * 2 + n(e) + 1, Long::sum));
    }
  }

  @ParameterizedTest
  @EnumSource(SeedData.Form.class)
  void groupByWithExpressionsOverVirtualColumnsAndInsideFilteredAggregators(SeedData.Form form) throws Exception {
    JsonNode result = run(form, "{\"queryType\":\"groupBy\",\"dataSource\":\"" + DS + "\","
        + "\"intervals\":[\"2021-05-01/2021-05-02\"],\"granularity\":\"all\",\"dimensions\":[\"s\"],"
        + "\"virtualColumns\":[{\"type\":\"expression\",\"name\":\"v\",\"expression\":\"n + 1\"}],"
        + "\"aggregations\":[{\"type\":\"longSum\",\"name\":\"a\",\"expression\":\"v * 2\"},"
        + "{\"type\":\"filtered\",\"filter\":{\"type\":\"selector\",\"dimension\":\"n\",\"value\":\"4\"},"
        + "\"aggregator\":{\"type\":\"doubleSum\",\"name\":\"b\",\"expression\":\"added * 0.5\"}}]}");
    Map<String, List<Map<String, Object>>> byS = new TreeMap<>(java.util.Comparator.nullsFirst(
        java.util.Comparator.naturalOrder()));
    EVENTS.forEach(e -> byS.computeIfAbsent((String) e.get("s"), k -> new ArrayList<>()).add(e));
    assertEquals(byS.size(), result.size(), result.toString());
    int i = 0;
    for (Map.Entry<String, List<Map<String, Object>>> group : byS.entrySet()) {
      JsonNode event = result.get(i++).get("event");
      JsonNode s = event.get("s");
      assertEquals(group.getKey(), s == null || s.isNull() ? null : s.asText(), event.toString());
      List<Map<String, Object>> rows = group.getValue();
      check(event, "a", fold(rows, e -> n(e) == null ? null : (n(e) + 1) * 2, Long::sum));
      check(event, "b", fold(rows, e -> n(e) != null && n(e) == 4 ? added(e) * 0.5 : null, Double::sum));
    }
  }

  private static void check(JsonNode got, String name, Object expected) {
    JsonNode v = got.get(name);
    if (expected == null) {
      assertTrue(v == null || v.isNull(), name + " = " + v);
    } else if (expected instanceof Long l) {
      assertEquals(l.longValue(), v.asLong(), name);
      assertTrue(v.isIntegralNumber(), name + " = " + v);
    } else {
      double e = (Double) expected;
      assertEquals(e, v.asDouble(), Math.max(1e-9, Math.abs(e) * 1e-6), name);
    }
  }

  private static List<Map<String, Object>> eventsIn(long hourStart) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < EVENTS.size(); i++) {
      if (TIMES.get(i) / HOUR * HOUR == hourStart) {
        out.add(EVENTS.get(i));
      }
    }
    return out;
  }

  /** Folds the non-null values; null when every row gives null (SQL-compatible). */
  private static <T> T fold(List<Map<String, Object>> rows, Function<Map<String, Object>, T> value,
      BinaryOperator<T> op) {
    T acc = null;
    for (Map<String, Object> e : rows) {
      T v = value.apply(e);
      if (v != null) {
        acc = acc == null ? v : op.apply(acc, v);
      }
    }
    return acc;
  }

  private static Long n(Map<String, Object> e) {
    return (Long) e.get("n");
  }

  private static Double d(Map<String, Object> e) {
    return (Double) e.get("d");
  }

  private static long added(Map<String, Object> e) {
    return ((Integer) e.get("added")).longValue();
  }

  @Test
  void jsonEchoesTheExpressionWithANullFieldName() throws Exception {
    AggregatorFactory f = MAPPER.readValue("{\"type\":\"longSum\",\"name\":\"x\",\"expression\":\"latencyMs * 2\"}",
        AggregatorFactory.class);
    JsonNode json = MAPPER.valueToTree(f);
    assertEquals(MAPPER.readTree("{\"type\":\"longSum\",\"name\":\"x\",\"fieldName\":null,"
        + "\"expression\":\"latencyMs * 2\"}"), json);
    assertEquals(f, MAPPER.treeToValue(json, AggregatorFactory.class));
    assertEquals(List.of("latencyMs"), f.requiredFields());
    AggregatorFactory plain = MAPPER.readValue("{\"type\":\"doubleMax\",\"name\":\"y\",\"fieldName\":\"v\"}",
        AggregatorFactory.class);
    assertNull(MAPPER.valueToTree(plain).get("expression"));
    assertFalse(f.equals(new LongSumAggregatorFactory("x", null, "latencyMs * 3")));
  }

  @Test
  void bothOrNeitherOrABadExpressionIsA400NamingTheField() {
    String both = refused("{\"type\":\"longSum\",\"name\":\"x\",\"fieldName\":\"a\",\"expression\":\"a * 2\"}");
    assertTrue(both.contains("Must have a valid, non-null fieldName or expression"), both);
    String neither = refused("{\"type\":\"doubleMin\",\"name\":\"x\"}");
    assertTrue(neither.contains("Must have a valid, non-null fieldName or expression"), neither);
    String bad = refused("{\"type\":\"floatSum\",\"name\":\"x\",\"expression\":\"a +\"}");
    assertTrue(bad.contains("field[expression] of aggregator[x]"), bad);
  }

  private static String refused(String aggregator) {
    String json = "{\"queryType\":\"timeseries\",\"dataSource\":\"" + DS + "\",\"intervals\":[\"2021/2022\"],"
        + "\"aggregations\":[" + aggregator + "]}";
    DruidException e = assertThrows(DruidException.class,
        () -> JsonBodies.read(MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query"));
    assertEquals(400, e.httpStatus());
    return e.getMessage();
  }
}
