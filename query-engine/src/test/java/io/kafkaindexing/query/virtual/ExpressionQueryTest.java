package io.kafkaindexing.query.virtual;

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
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Expression virtual columns, expression filters and expression post-aggregators through real
 * queries on five hand-written rows, in memory and persisted. Expected answers are worked out by
 * hand from the rows below.
 *
 * <pre>
 * minute page city   n    d    added tags
 *   0    a    paris  1    1.5  10    [x, y]
 *   1    b    -      2    2.5  20    z
 *   2    a    rome   3    -    30    -
 *   3    c    paris  -    4.0  40    [y]
 *   4    b    rome   5    0.5  50    [x, z]
 * </pre>
 */
class ExpressionQueryTest {
  private static final String DS = "expr";
  private static final long START = new DateTime("2020-01-01T00:00:00Z", DateTimeZone.UTC).getMillis();
  private static final ObjectMapper MAPPER = QueryTestMapper.create();
  private static final Map<SeedData.Form, SegmentRegistry> REGISTRIES = new EnumMap<>(SeedData.Form.class);

  @TempDir
  static Path tmp;

  @BeforeAll
  static void setUp() {
    List<InputRow> rows = new ArrayList<>();
    rows.add(row(0, "a", "paris", 1L, 1.5, 10, List.of("x", "y")));
    rows.add(row(1, "b", null, 2L, 2.5, 20, "z"));
    rows.add(row(2, "a", "rome", 3L, null, 30, null));
    rows.add(row(3, "c", "paris", null, 4.0, 40, List.of("y")));
    rows.add(row(4, "b", "rome", 5L, 0.5, 50, List.of("x", "z")));
    Map<Long, IncrementalIndex> indexes = SeedData.indexBySegment(rows, Granularities.HOUR, start ->
        IncrementalIndexSchema.builder().minTimestamp(start).queryGranularity(Granularities.NONE)
            .dimensionsSpec(new DimensionsSpec(List.of(DimensionSchema.of("page"), DimensionSchema.of("city"),
                new DimensionSchema("n", "long", null, null), new DimensionSchema("d", "double", null, null),
                DimensionSchema.of("tags")),
                null, null, null))
            .metrics(new CountAggregatorFactory("rows"), new LongSumAggregatorFactory("added", "added", null))
            .rollup(false).build());
    for (SeedData.Form form : SeedData.Form.values()) {
      SegmentRegistry registry = new SegmentRegistry();
      SeedData.announce(registry, DS, Granularities.HOUR, form.of(indexes, Granularities.HOUR,
          tmp.resolve(form.name())));
      REGISTRIES.put(form, registry);
    }
  }

  private static InputRow row(int minute, String page, String city, Long n, Double d, long added, Object tags) {
    Map<String, Object> event = new HashMap<>();
    event.put("page", page);
    if (city != null) {
      event.put("city", city);
    }
    if (n != null) {
      event.put("n", n);
    }
    if (d != null) {
      event.put("d", d);
    }
    event.put("added", added);
    if (tags != null) {
      event.put("tags", tags);
    }
    return new MapBasedInputRow(START + minute * 60_000L, List.of("page", "city", "n", "d", "tags"), event);
  }

  private static JsonNode run(SeedData.Form form, String json) throws Exception {
    Query query = JsonBodies.read(MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
    return MAPPER.readTree(MAPPER.writeValueAsString(new QueryExecutor(REGISTRIES.get(form)).run(query)));
  }

  private static String query(String type, String rest) {
    return "{\"queryType\":\"" + type + "\",\"dataSource\":\"" + DS + "\",\"intervals\":[\"2020-01-01/2020-01-02\"],"
        + rest + "}";
  }

  @ParameterizedTest
  @EnumSource(SeedData.Form.class)
  void scanReadsVirtualColumns(SeedData.Form form) throws Exception {
    JsonNode result = run(form, query("scan", "\"resultFormat\":\"compactedList\","
        + "\"columns\":[\"page\",\"v\",\"w\",\"t\",\"f\"],\"virtualColumns\":["
        + "{\"type\":\"expression\",\"name\":\"v\",\"expression\":\"concat(page, '-', nvl(city, 'none'))\","
        + "\"outputType\":\"STRING\"},"
        + "{\"type\":\"expression\",\"name\":\"w\",\"expression\":\"n * 2 + d\"},"
        + "{\"type\":\"expression\",\"name\":\"t\",\"expression\":\"timestamp_extract(__time, 'MINUTE')\"},"
        + "{\"type\":\"expression\",\"name\":\"f\",\"expression\":\"w / 2\",\"outputType\":\"LONG\"}]"));
    assertEquals(MAPPER.readTree("[[\"a\",\"a-paris\",3.5,0,1],[\"b\",\"b-none\",6.5,1,3],[\"a\",\"a-rome\",null,2,null],"
        + "[\"c\",\"c-paris\",null,3,null],[\"b\",\"b-rome\",10.5,4,5]]"), result.get(0).get("events"));
    assertEquals(MAPPER.readTree("[{\"name\":\"page\",\"type\":\"STRING\"},{\"name\":\"v\",\"type\":\"STRING\"},"
        + "{\"name\":\"w\",\"type\":\"DOUBLE\"},{\"name\":\"t\",\"type\":\"LONG\"},{\"name\":\"f\",\"type\":\"LONG\"}]"),
        result.get(0).get("rowSignature"));
  }

  @ParameterizedTest
  @EnumSource(SeedData.Form.class)
  void groupByOnAVirtualColumnWithExpressionPostAggregators(SeedData.Form form) throws Exception {
    JsonNode result = run(form, query("groupBy", "\"granularity\":\"all\","
        + "\"virtualColumns\":[{\"type\":\"expression\",\"name\":\"P\",\"expression\":\"upper(page)\"},"
        + "{\"type\":\"expression\",\"name\":\"tenths\",\"expression\":\"added / 10\"}],"
        + "\"dimensions\":[\"P\"],"
        + "\"aggregations\":[{\"type\":\"longSum\",\"name\":\"added\",\"fieldName\":\"added\"},"
        + "{\"type\":\"longSum\",\"name\":\"tenths\",\"fieldName\":\"tenths\"}],"
        + "\"postAggregations\":[{\"type\":\"expression\",\"name\":\"twice\",\"expression\":\"added * 2 + 1\"},"
        + "{\"type\":\"expression\",\"name\":\"size\",\"expression\":\"if(twice > 100, 'big', 'small')\"}]"));
    List<String> rows = new ArrayList<>();
    result.forEach(r -> rows.add(r.get("event").toString()));
    assertEquals(List.of(
        "{\"P\":\"A\",\"added\":40,\"tenths\":4,\"twice\":81,\"size\":\"small\"}",
        "{\"P\":\"B\",\"added\":70,\"tenths\":7,\"twice\":141,\"size\":\"big\"}",
        "{\"P\":\"C\",\"added\":40,\"tenths\":4,\"twice\":81,\"size\":\"small\"}"), rows);
  }

  @ParameterizedTest
  @EnumSource(SeedData.Form.class)
  void expressionFiltersUseThreeValuedLogic(SeedData.Form form) throws Exception {
    String aggs = "\"granularity\":\"all\",\"aggregations\":[{\"type\":\"count\",\"name\":\"c\"},"
        + "{\"type\":\"longSum\",\"name\":\"added\",\"fieldName\":\"added\"}]";
    // n > 1 && city == 'rome': rows 2 and 4.
    assertEquals(MAPPER.readTree("{\"c\":2,\"added\":80}"), run(form, query("timeseries", aggs + ",\"filter\":{\"type\":\"expression\","
        + "\"expression\":\"n > 1 && city == 'rome'\"}")).get(0).get("result"));
    // not(n > 2): rows 0 and 1; row 3 (n null) is unknown and matches neither the filter nor its negation.
    assertEquals(MAPPER.readTree("{\"c\":2,\"added\":30}"), run(form, query("timeseries", aggs + ",\"filter\":{\"type\":\"not\","
        + "\"field\":{\"type\":\"expression\",\"expression\":\"n > 2\"}}")).get(0).get("result"));
    // A selector on a virtual column, and an expression reading one: row 1.
    assertEquals(MAPPER.readTree("{\"c\":1,\"added\":20}"), run(form, query("timeseries", aggs + ",\"virtualColumns\":[{\"type\":"
        + "\"expression\",\"name\":\"v\",\"expression\":\"concat(page, '-', nvl(city, 'none'))\"}],"
        + "\"filter\":{\"type\":\"and\",\"fields\":[{\"type\":\"selector\",\"dimension\":\"v\",\"value\":\"b-none\"},"
        + "{\"type\":\"expression\",\"expression\":\"strlen(v) == 6\"}]}")).get(0).get("result"));
    // String truth: 'true' in any case holds; city is never 'true', so isnull(city) || ... picks row 1 only.
    assertEquals(MAPPER.readTree("{\"c\":1,\"added\":20}"), run(form, query("timeseries", aggs + ",\"filter\":{\"type\":\"expression\","
        + "\"expression\":\"isnull(city) || city == 'TRUE'\"}")).get(0).get("result"));
  }

  @ParameterizedTest
  @EnumSource(SeedData.Form.class)
  void havingFiltersWithAnExpression(SeedData.Form form) throws Exception {
    // Per page: a 40, b 70, c 40; added > 50 keeps b only.
    JsonNode result = run(form, query("groupBy", "\"granularity\":\"all\",\"dimensions\":[\"page\"],"
        + "\"aggregations\":[{\"type\":\"longSum\",\"name\":\"added\",\"fieldName\":\"added\"}],"
        + "\"having\":{\"type\":\"filter\",\"filter\":{\"type\":\"expression\",\"expression\":\"added > 50\"}}"));
    assertEquals(1, result.size(), result.toString());
    assertEquals("{\"page\":\"b\",\"added\":70}", result.get(0).get("event").toString());
  }

  @ParameterizedTest
  @EnumSource(SeedData.Form.class)
  void topNRanksByAnExpressionPostAggregator(SeedData.Form form) throws Exception {
    JsonNode result = run(form, query("topN", "\"granularity\":\"all\",\"dimension\":\"page\",\"threshold\":2,"
        + "\"metric\":\"neg\",\"aggregations\":[{\"type\":\"longSum\",\"name\":\"added\",\"fieldName\":\"added\"}],"
        + "\"postAggregations\":[{\"type\":\"expression\",\"name\":\"neg\",\"expression\":\"-added\"}]"));
    // neg: a -40, b -70, c -40; descending: a/c (-40) then the other.
    JsonNode top = result.get(0).get("result");
    assertEquals(2, top.size());
    assertEquals(-40, top.get(0).get("neg").asLong());
    assertEquals(-40, top.get(1).get("neg").asLong());
  }

  @ParameterizedTest
  @EnumSource(SeedData.Form.class)
  void multiValueRowsAreMappedValueByValue(SeedData.Form form) throws Exception {
    JsonNode result = run(form, query("groupBy", "\"granularity\":\"all\","
        + "\"virtualColumns\":[{\"type\":\"expression\",\"name\":\"u\",\"expression\":\"concat(page, '-', upper(tags))\","
        + "\"outputType\":\"STRING\"}],\"dimensions\":[\"u\"],"
        + "\"aggregations\":[{\"type\":\"count\",\"name\":\"c\"}]"));
    List<String> rows = new ArrayList<>();
    result.forEach(r -> rows.add(r.get("event").toString()));
    // row 0 gives a-X and a-Y, row 1 b-Z, row 2 null (tags null), row 3 c-Y, row 4 b-X and b-Z.
    assertEquals(List.of("{\"u\":null,\"c\":1}", "{\"u\":\"a-X\",\"c\":1}", "{\"u\":\"a-Y\",\"c\":1}",
        "{\"u\":\"b-X\",\"c\":1}", "{\"u\":\"b-Z\",\"c\":2}", "{\"u\":\"c-Y\",\"c\":1}"), rows);
    String count = "\"granularity\":\"all\",\"aggregations\":[{\"type\":\"count\",\"name\":\"c\"}]";
    // tags == 'z' holds for a row when it holds for any of its values: rows 1 and 4.
    assertEquals(2, run(form, query("timeseries", count + ",\"filter\":{\"type\":\"expression\","
        + "\"expression\":\"tags == 'z'\"}")).get(0).get("result").get("c").asInt());
    // Its negation: rows 0 and 3 (row 2, tags null, is unknown; row 4 has a z).
    assertEquals(2, run(form, query("timeseries", count + ",\"filter\":{\"type\":\"not\",\"field\":"
        + "{\"type\":\"expression\",\"expression\":\"tags == 'z'\"}}")).get(0).get("result").get("c").asInt());
  }

  @Test
  void badExpressionsAreRefusedNamingTheField() {
    DruidException e = assertThrows(DruidException.class, () -> JsonBodies.read(MAPPER, query("scan",
        "\"virtualColumns\":[{\"type\":\"expression\",\"name\":\"v\",\"expression\":\"page +\"}]")
        .getBytes(StandardCharsets.UTF_8), Query.class, "query"));
    assertEquals(400, e.httpStatus());
    assertTrue(e.getMessage().contains("Invalid expression[page +] in field[expression] of virtual column[v]: "
        + "expected an operand but found the end of the expression at position 6"), e.getMessage());
    e = assertThrows(DruidException.class, () -> JsonBodies.read(MAPPER, query("timeseries",
        "\"granularity\":\"all\",\"filter\":{\"type\":\"expression\",\"expression\":\"nope(1)\"}")
        .getBytes(StandardCharsets.UTF_8), Query.class, "query"));
    assertTrue(e.getMessage().contains("unknown function[nope]"), e.getMessage());
    e = assertThrows(DruidException.class, () -> JsonBodies.read(MAPPER, query("timeseries",
        "\"granularity\":\"all\",\"postAggregations\":[{\"type\":\"expression\",\"name\":\"p\"}]")
        .getBytes(StandardCharsets.UTF_8), Query.class, "query"));
    assertTrue(e.getMessage().contains("Post-aggregator[p] of type[expression] needs a field[expression]"),
        e.getMessage());
    e = assertThrows(DruidException.class, () -> JsonBodies.read(MAPPER, query("scan",
        "\"virtualColumns\":[{\"type\":\"expression\",\"name\":\"v\",\"expression\":\"1\",\"outputType\":\"BLOB\"}]")
        .getBytes(StandardCharsets.UTF_8), Query.class, "query"));
    assertTrue(e.getMessage().contains("Unknown outputType[BLOB] of virtual column[v]"), e.getMessage());
  }

  @Test
  void specsRoundTripThroughJson() throws Exception {
    String json = query("groupBy", "\"granularity\":\"all\",\"dimensions\":[\"v\"],"
        + "\"virtualColumns\":[{\"type\":\"expression\",\"name\":\"v\",\"expression\":\"upper(page)\","
        + "\"outputType\":\"STRING\"}],\"filter\":{\"type\":\"expression\",\"expression\":\"n > 1\"},"
        + "\"postAggregations\":[{\"type\":\"expression\",\"name\":\"p\",\"expression\":\"1 + 1\","
        + "\"ordering\":\"numericFirst\"}]");
    Query query = JsonBodies.read(MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
    JsonNode out = MAPPER.readTree(MAPPER.writeValueAsString(query));
    assertEquals(MAPPER.readTree("[{\"type\":\"expression\",\"name\":\"v\",\"expression\":\"upper(page)\","
        + "\"outputType\":\"STRING\"}]"), out.get("virtualColumns"));
    assertEquals(MAPPER.readTree("{\"type\":\"expression\",\"expression\":\"n > 1\"}"), out.get("filter"));
    assertEquals(MAPPER.readTree("[{\"type\":\"expression\",\"name\":\"p\",\"expression\":\"1 + 1\","
        + "\"ordering\":\"numericFirst\"}]"), out.get("postAggregations"));
    Query again = JsonBodies.read(MAPPER, MAPPER.writeValueAsBytes(query), Query.class, "query");
    assertEquals(query, again);
  }
}
