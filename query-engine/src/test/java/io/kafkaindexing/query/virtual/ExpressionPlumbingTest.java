package io.kafkaindexing.query.virtual;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.query.Query;
import io.kafkaindexing.query.QueryExecutor;
import io.kafkaindexing.query.QueryTestMapper;
import io.kafkaindexing.query.SeedData;
import io.kafkaindexing.query.SegmentRegistry;
import io.kafkaindexing.query.expression.Bindings;
import io.kafkaindexing.query.expression.Expr;
import io.kafkaindexing.query.expression.ExprValue;
import io.kafkaindexing.query.expression.MultiValues;
import io.kafkaindexing.query.expression.Parser;
import io.kafkaindexing.segment.aggregation.CountAggregatorFactory;
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
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The way values reach expressions in queries, over 600 random rows (nulls, missing values,
 * multi-value strings, long and double dimensions), in memory and persisted: a scan of expression
 * virtual columns, a count under an expression filter and a groupBy on a virtual column agree with
 * the expressions evaluated directly on the rows as they were stored (the evaluator's semantics are
 * checked against Druid 33 separately, in Druid33GoldenTest).
 */
class ExpressionPlumbingTest {
  private static final String DS = "plumbing";
  private static final long START = new DateTime("2021-05-01T00:00:00Z", DateTimeZone.UTC).getMillis();
  private static final ObjectMapper MAPPER = QueryTestMapper.create();
  private static final Map<SeedData.Form, SegmentRegistry> REGISTRIES = new EnumMap<>(SeedData.Form.class);
  private static final List<String> EXPRESSIONS = List.of(
      "concat(nvl(city, 'none'), '/', n)",
      "n * 2 + d",
      "if(n > 3, upper(city), lower(city))",
      "strlen(tags) + n",
      "timestamp_extract(__time, 'MINUTE') + n",
      "case_searched(d > 50, 'hi', d > 10, 'mid', 'lo')",
      "greatest(n, d, 10)",
      "cast(d, 'LONG') % 7");
  /** The rows as stored: per row, its time and values (null for null or missing; a List for several). */
  private static final List<Map<String, Object>> STORED = new ArrayList<>();

  @org.junit.jupiter.api.io.TempDir
  static Path tmp;

  @BeforeAll
  static void setUp() {
    Random random = new Random(777);
    String[] cities = {"paris", "Rome", "oslo", "", null};
    String[] tags = {"x", "yy", "zzz"};
    List<InputRow> rows = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      Map<String, Object> event = new HashMap<>();
      Map<String, Object> stored = new HashMap<>();
      String city = cities[random.nextInt(cities.length)];
      if (city != null) {
        event.put("city", city);
      }
      stored.put("city", city); // "" stays "" (SQL-compatible nulls), missing is null
      if (random.nextInt(6) > 0) {
        long n = random.nextInt(8);
        event.put("n", n);
        stored.put("n", n);
      }
      if (random.nextInt(5) > 0) {
        double d = Math.round(random.nextDouble() * 10000) / 100.0;
        event.put("d", d);
        stored.put("d", d);
      }
      int k = random.nextInt(4);
      List<String> t = new ArrayList<>();
      for (int j = 0; j < k; j++) {
        t.add(tags[random.nextInt(tags.length)]);
      }
      if (!t.isEmpty()) {
        event.put("tags", t);
      }
      List<String> sorted = new ArrayList<>(t);
      sorted.sort(null);
      stored.put("tags", sorted.isEmpty() ? null : sorted.size() == 1 ? sorted.get(0) : sorted);
      long time = START + i * 1000L;
      stored.put("__time", time);
      STORED.add(stored);
      rows.add(new MapBasedInputRow(time, List.of("city", "n", "d", "tags"), event));
    }
    Map<Long, IncrementalIndex> indexes = SeedData.indexBySegment(rows, Granularities.HOUR, start ->
        IncrementalIndexSchema.builder().minTimestamp(start).queryGranularity(Granularities.NONE)
            .dimensionsSpec(new DimensionsSpec(List.of(DimensionSchema.of("city"),
                new DimensionSchema("n", "long", null, null), new DimensionSchema("d", "double", null, null),
                DimensionSchema.of("tags")), null, null, null))
            .metrics(new CountAggregatorFactory("rows")).rollup(false).build());
    for (SeedData.Form form : SeedData.Form.values()) {
      SegmentRegistry registry = new SegmentRegistry();
      SeedData.announce(registry, DS, Granularities.HOUR, form.of(indexes, Granularities.HOUR,
          tmp.resolve(form.name())));
      REGISTRIES.put(form, registry);
    }
  }

  private static JsonNode run(SeedData.Form form, String rest) throws Exception {
    String json = "{\"dataSource\":\"" + DS + "\",\"intervals\":[\"2021-05-01/2021-05-02\"]," + rest + "}";
    Query query = JsonBodies.read(MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
    return MAPPER.readTree(MAPPER.writeValueAsString(new QueryExecutor(REGISTRIES.get(form)).run(query)));
  }

  /** What a STRING virtual column holds for a stored row: the value, or the values of a multi-value row. */
  private static Object direct(Expr expr, Map<String, Object> row) {
    Bindings b = Bindings.of(row);
    List<ExprValue> each = MultiValues.evalEach(expr, expr.identifiers(), b);
    if (each == null) {
      return expr.eval(b).asString();
    }
    List<String> out = new ArrayList<>();
    each.forEach(v -> out.add(v.asString()));
    return out;
  }

  @ParameterizedTest
  @EnumSource(SeedData.Form.class)
  void scannedVirtualColumnsAreTheExpressionsOfTheStoredRows(SeedData.Form form) throws Exception {
    StringBuilder vcs = new StringBuilder();
    StringBuilder columns = new StringBuilder("\"__time\"");
    for (int i = 0; i < EXPRESSIONS.size(); i++) {
      vcs.append(i == 0 ? "" : ",").append("{\"type\":\"expression\",\"name\":\"v").append(i)
          .append("\",\"outputType\":\"STRING\",\"expression\":").append(MAPPER.writeValueAsString(EXPRESSIONS.get(i)))
          .append('}');
      columns.append(",\"v").append(i).append('"');
    }
    JsonNode result = run(form, "\"queryType\":\"scan\",\"resultFormat\":\"compactedList\",\"columns\":[" + columns
        + "],\"virtualColumns\":[" + vcs + "]");
    List<List<Object>> expected = new ArrayList<>();
    for (Map<String, Object> row : STORED) {
      List<Object> values = new ArrayList<>();
      values.add(row.get("__time"));
      EXPRESSIONS.forEach(e -> values.add(direct(Parser.parse(e, null), row)));
      expected.add(values);
    }
    List<JsonNode> actual = new ArrayList<>();
    result.forEach(batch -> batch.get("events").forEach(actual::add));
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(MAPPER.valueToTree(expected.get(i)), actual.get(i), "row " + i + ": " + STORED.get(i));
    }
  }

  @ParameterizedTest
  @EnumSource(SeedData.Form.class)
  void filtersAndGroupingAgreeWithTheStoredRows(SeedData.Form form) throws Exception {
    for (String filter : List.of("n > 3 && city != 'oslo'", "d < 20 || isnull(city)", "tags == 'yy'",
        "like(city, '%o%')", "!(n % 2 == 0)")) {
      Expr expr = Parser.parse(filter, null);
      long expected = STORED.stream().filter(r -> {
        List<ExprValue> each = MultiValues.evalEach(expr, expr.identifiers(), Bindings.of(r));
        return each == null ? expr.eval(Bindings.of(r)).asBoolean()
            : each.stream().anyMatch(v -> !v.isNull() && v.asBoolean());
      }).count();
      JsonNode result = run(form, "\"queryType\":\"timeseries\",\"granularity\":\"all\",\"aggregations\":["
          + "{\"type\":\"count\",\"name\":\"c\"}],\"filter\":{\"type\":\"expression\",\"expression\":"
          + MAPPER.writeValueAsString(filter) + "}");
      assertEquals(expected, result.get(0).get("result").get("c").asLong(), filter);
    }
    Expr key = Parser.parse("concat(upper(tags), '-', n % 3)", null);
    TreeMap<String, Long> expected = new TreeMap<>();
    long nulls = 0;
    for (Map<String, Object> row : STORED) {
      Object v = direct(key, row);
      for (Object one : v instanceof List<?> l ? l : java.util.Collections.singletonList(v)) {
        if (one == null) {
          nulls++;
        } else {
          expected.merge((String) one, 1L, Long::sum);
        }
      }
    }
    JsonNode result = run(form, "\"queryType\":\"groupBy\",\"granularity\":\"all\",\"dimensions\":[\"k\"],"
        + "\"virtualColumns\":[{\"type\":\"expression\",\"name\":\"k\",\"outputType\":\"STRING\","
        + "\"expression\":\"concat(upper(tags), '-', n % 3)\"}],\"aggregations\":[{\"type\":\"count\",\"name\":\"c\"}]");
    TreeMap<String, Long> actual = new TreeMap<>();
    long actualNulls = 0;
    for (JsonNode row : result) {
      JsonNode k = row.get("event").get("k");
      if (k.isNull()) {
        actualNulls = row.get("event").get("c").asLong();
      } else {
        actual.put(k.asText(), row.get("event").get("c").asLong());
      }
    }
    assertEquals(expected, actual);
    assertEquals(nulls, actualNulls);
  }
}
