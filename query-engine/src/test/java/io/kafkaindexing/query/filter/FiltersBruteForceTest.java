package io.kafkaindexing.query.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.query.Query;
import io.kafkaindexing.query.QueryExecutor;
import io.kafkaindexing.query.QueryTestMapper;
import io.kafkaindexing.query.SeedData;
import io.kafkaindexing.query.SegmentRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every filter type, counted by a timeseries over {@link FilterTestData} on the in-memory index and
 * on persisted segments, against counts computed by {@link FilterOracle} from the raw events. Each
 * filter runs as is and negated (three-valued logic: unknown rows match neither), alone and in an
 * {@code and} with a {@code columnComparison} (which has no index: alone that {@code and} splits into
 * the filter's bitmap plus a row-by-row residual; negated it is tested wholly row by row); the
 * filter and its negation also drive a {@code filtered} aggregator (always row by row).
 */
class FiltersBruteForceTest {
  private static final ObjectMapper MAPPER = QueryTestMapper.create();
  private static final String ALWAYS_ROW_BY_ROW = "{\"type\":\"columnComparison\",\"dimensions\":[\"s\",\"s\"]}";
  private static final Map<SeedData.Form, SegmentRegistry> REGISTRIES = new EnumMap<>(SeedData.Form.class);

  @TempDir
  static Path tmp;

  @BeforeAll
  static void setUp() {
    for (SeedData.Form form : SeedData.Form.values()) {
      REGISTRIES.put(form, FilterTestData.registry(form, tmp));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // equals
      "{\"type\":\"equals\",\"column\":\"s\",\"matchValueType\":\"STRING\",\"matchValue\":\"abc\"}",
      "{\"type\":\"equals\",\"column\":\"s\",\"matchValueType\":\"STRING\",\"matchValue\":\"\"}",
      "{\"type\":\"equals\",\"column\":\"s\",\"matchValueType\":\"LONG\",\"matchValue\":10}",
      "{\"type\":\"equals\",\"column\":\"s\",\"matchValueType\":\"DOUBLE\",\"matchValue\":2.5}",
      "{\"type\":\"equals\",\"column\":\"tags\",\"matchValueType\":\"STRING\",\"matchValue\":\"x\"}",
      "{\"type\":\"equals\",\"column\":\"n\",\"matchValueType\":\"LONG\",\"matchValue\":2}",
      "{\"type\":\"equals\",\"column\":\"n\",\"matchValueType\":\"STRING\",\"matchValue\":\"10\"}",
      "{\"type\":\"equals\",\"column\":\"n\",\"matchValueType\":\"DOUBLE\",\"matchValue\":2.5}",
      "{\"type\":\"equals\",\"column\":\"d\",\"matchValueType\":\"DOUBLE\",\"matchValue\":2.5}",
      "{\"type\":\"equals\",\"column\":\"d\",\"matchValueType\":\"LONG\",\"matchValue\":10}",
      "{\"type\":\"equals\",\"column\":\"nope\",\"matchValueType\":\"STRING\",\"matchValue\":\"a\"}",
      // inType (typed in) and arrayContainsElement
      "{\"type\":\"inType\",\"column\":\"s\",\"matchValueType\":\"STRING\",\"values\":[\"abc\",\"\",\"zz\"]}",
      "{\"type\":\"inType\",\"column\":\"s\",\"matchValueType\":\"STRING\",\"sortedValues\":[null,\"abc\"]}",
      "{\"type\":\"inType\",\"column\":\"tags\",\"matchValueType\":\"STRING\",\"values\":[\"y\",\"x\"]}",
      "{\"type\":\"inType\",\"column\":\"n\",\"matchValueType\":\"LONG\",\"values\":[10,2,2]}",
      "{\"type\":\"inType\",\"column\":\"n\",\"matchValueType\":\"LONG\",\"values\":[null,1]}",
      "{\"type\":\"inType\",\"column\":\"d\",\"matchValueType\":\"DOUBLE\",\"values\":[2.5,3.25,-1]}",
      "{\"type\":\"inType\",\"column\":\"s\",\"matchValueType\":\"LONG\",\"values\":[10,1]}",
      "{\"type\":\"inType\",\"column\":\"nope\",\"matchValueType\":\"STRING\",\"values\":[null]}",
      "{\"type\":\"arrayContainsElement\",\"column\":\"tags\",\"elementMatchValueType\":\"STRING\","
          + "\"elementMatchValue\":\"x\"}",
      "{\"type\":\"arrayContainsElement\",\"column\":\"tags\",\"elementMatchValueType\":\"STRING\","
          + "\"elementMatchValue\":null}",
      "{\"type\":\"arrayContainsElement\",\"column\":\"s\",\"elementMatchValueType\":\"STRING\","
          + "\"elementMatchValue\":\"abc\"}",
      "{\"type\":\"arrayContainsElement\",\"column\":\"n\",\"elementMatchValueType\":\"LONG\","
          + "\"elementMatchValue\":2}",
      "{\"type\":\"arrayContainsElement\",\"column\":\"d\",\"elementMatchValueType\":\"DOUBLE\","
          + "\"elementMatchValue\":null}",
      // null
      "{\"type\":\"null\",\"column\":\"s\"}",
      "{\"type\":\"null\",\"column\":\"tags\"}",
      "{\"type\":\"null\",\"column\":\"n\"}",
      "{\"type\":\"null\",\"column\":\"d\"}",
      "{\"type\":\"null\",\"column\":\"nope\"}",
      // range
      "{\"type\":\"range\",\"column\":\"s\",\"matchValueType\":\"STRING\",\"lower\":\"a\",\"upper\":\"b\"}",
      "{\"type\":\"range\",\"column\":\"s\",\"matchValueType\":\"STRING\",\"lower\":\"ab\",\"lowerOpen\":true}",
      "{\"type\":\"range\",\"column\":\"s\",\"matchValueType\":\"LONG\",\"lower\":1,\"upper\":10,\"upperOpen\":true}",
      "{\"type\":\"range\",\"column\":\"s\",\"matchValueType\":\"DOUBLE\",\"upper\":2.5}",
      "{\"type\":\"range\",\"column\":\"tags\",\"matchValueType\":\"STRING\",\"lower\":\"y\"}",
      "{\"type\":\"range\",\"column\":\"n\",\"matchValueType\":\"LONG\",\"lower\":0,\"upper\":3}",
      "{\"type\":\"range\",\"column\":\"n\",\"matchValueType\":\"DOUBLE\",\"lower\":0.5,\"lowerOpen\":true}",
      "{\"type\":\"range\",\"column\":\"n\",\"matchValueType\":\"STRING\",\"lower\":\"10\",\"upper\":\"2\"}",
      "{\"type\":\"range\",\"column\":\"d\",\"matchValueType\":\"DOUBLE\",\"lower\":0,\"upper\":3.25,"
          + "\"upperOpen\":true}",
      "{\"type\":\"range\",\"column\":\"__time\",\"matchValueType\":\"LONG\",\"lower\":1520329500000,"
          + "\"upper\":1520333100000}",
      "{\"type\":\"range\",\"column\":\"nope\",\"matchValueType\":\"LONG\",\"upper\":5}",
      // bound
      "{\"type\":\"bound\",\"dimension\":\"s\",\"lower\":\"a\",\"upper\":\"b\"}",
      "{\"type\":\"bound\",\"dimension\":\"s\",\"upper\":\"ab\",\"upperStrict\":true}",
      "{\"type\":\"bound\",\"dimension\":\"s\",\"lower\":\"1\",\"upper\":\"10\",\"ordering\":\"numeric\"}",
      "{\"type\":\"bound\",\"dimension\":\"s\",\"upper\":\"2\",\"ordering\":{\"type\":\"numeric\"}}",
      "{\"type\":\"bound\",\"dimension\":\"s\",\"lower\":\"a\",\"upper\":\"ab\",\"ordering\":\"strlen\"}",
      "{\"type\":\"bound\",\"dimension\":\"s\",\"lower\":\"a2\",\"ordering\":\"alphanumeric\",\"lowerStrict\":true}",
      "{\"type\":\"bound\",\"dimension\":\"s\",\"upper\":\"2\",\"ordering\":\"version\"}",
      "{\"type\":\"bound\",\"dimension\":\"s\",\"lower\":\"AB\",\"upper\":\"AC\",\"extractionFn\":{\"type\":\"upper\"}}",
      "{\"type\":\"bound\",\"dimension\":\"tags\",\"lower\":\"x\",\"upper\":\"y\"}",
      "{\"type\":\"bound\",\"dimension\":\"n\",\"lower\":\"1\",\"upper\":\"10\",\"lowerStrict\":true,"
          + "\"ordering\":\"numeric\"}",
      "{\"type\":\"bound\",\"dimension\":\"n\",\"upper\":\"2\",\"ordering\":\"numeric\"}",
      "{\"type\":\"bound\",\"dimension\":\"n\",\"lower\":\"abc\",\"ordering\":\"numeric\"}",
      "{\"type\":\"bound\",\"dimension\":\"n\",\"lower\":\"1\",\"upper\":\"2\"}",
      "{\"type\":\"bound\",\"dimension\":\"d\",\"lower\":\"1\",\"upper\":\"3.25\",\"ordering\":\"numeric\"}",
      "{\"type\":\"bound\",\"dimension\":\"nope\",\"upper\":\"a\"}",
      "{\"type\":\"bound\",\"dimension\":\"nope\",\"lower\":\"a\"}",
      // like
      "{\"type\":\"like\",\"dimension\":\"s\",\"pattern\":\"a%\"}",
      "{\"type\":\"like\",\"dimension\":\"s\",\"pattern\":\"a_b\"}",
      "{\"type\":\"like\",\"dimension\":\"s\",\"pattern\":\"a\\\\_b\",\"escape\":\"\\\\\"}",
      "{\"type\":\"like\",\"dimension\":\"s\",\"pattern\":\"a!%%\",\"escape\":\"!\"}",
      "{\"type\":\"like\",\"dimension\":\"s\",\"pattern\":\"%B%\",\"extractionFn\":{\"type\":\"upper\"}}",
      "{\"type\":\"like\",\"dimension\":\"tags\",\"pattern\":\"_\"}",
      "{\"type\":\"like\",\"dimension\":\"n\",\"pattern\":\"1%\"}",
      "{\"type\":\"like\",\"dimension\":\"d\",\"pattern\":\"%.5\"}",
      // regex
      "{\"type\":\"regex\",\"dimension\":\"s\",\"pattern\":\"^a.$\"}",
      "{\"type\":\"regex\",\"dimension\":\"s\",\"pattern\":\"[0-9]\"}",
      "{\"type\":\"regex\",\"dimension\":\"tags\",\"pattern\":\"[xZ]\"}",
      "{\"type\":\"regex\",\"dimension\":\"n\",\"pattern\":\"^-\"}",
      "{\"type\":\"regex\",\"dimension\":\"s2\",\"pattern\":\"B\",\"extractionFn\":{\"type\":\"upper\"}}",
      // search
      "{\"type\":\"search\",\"dimension\":\"s\",\"query\":{\"type\":\"contains\",\"value\":\"B\"}}",
      "{\"type\":\"search\",\"dimension\":\"s\",\"query\":{\"type\":\"contains\",\"value\":\"A\","
          + "\"caseSensitive\":true}}",
      "{\"type\":\"search\",\"dimension\":\"s2\",\"query\":{\"type\":\"insensitive_contains\",\"value\":\"bc\"}}",
      "{\"type\":\"search\",\"dimension\":\"s\",\"query\":{\"type\":\"fragment\",\"values\":[\"a\",\"B\"]}}",
      "{\"type\":\"search\",\"dimension\":\"tags\",\"query\":{\"type\":\"contains\",\"value\":\"z\"}}",
      "{\"type\":\"search\",\"dimension\":\"d\",\"query\":{\"type\":\"contains\",\"value\":\".2\"}}",
      "{\"type\":\"search\",\"dimension\":\"s\",\"query\":{\"type\":\"contains\",\"value\":\"c\"},"
          + "\"extractionFn\":{\"type\":\"substring\",\"index\":1}}",
      // interval
      "{\"type\":\"interval\",\"dimension\":\"__time\",\"intervals\":[\"2018-03-06T09:10/2018-03-06T09:40\","
          + "\"2018-03-06T10:30/2018-03-06T10:45\",\"2018-03-06T09:30/2018-03-06T09:50\"]}",
      "{\"type\":\"interval\",\"dimension\":\"ms\",\"intervals\":[\"2018-03-06T09:00/2018-03-06T10:00\"]}",
      "{\"type\":\"interval\",\"dimension\":\"n\",\"intervals\":[\"1970-01-01T00:00:00.000Z/1970-01-01T00:00:00.003Z\"]}",
      // columnComparison
      "{\"type\":\"columnComparison\",\"dimensions\":[\"s\",\"s2\"]}",
      "{\"type\":\"columnComparison\",\"dimensions\":[\"s\",\"n\"]}",
      "{\"type\":\"columnComparison\",\"dimensions\":[\"tags\",\"s\"]}",
      "{\"type\":\"columnComparison\",\"dimensions\":[{\"type\":\"extraction\",\"dimension\":\"s\","
          + "\"outputName\":\"s\",\"extractionFn\":{\"type\":\"upper\"}},\"s2\"]}",
      "{\"type\":\"columnComparison\",\"dimensions\":[\"s\",\"s2\",\"tags\"]}",
      // true, false
      "{\"type\":\"true\"}",
      "{\"type\":\"false\"}",
      // extractionFn forms of selector, in and combinations
      "{\"type\":\"selector\",\"dimension\":\"s\",\"value\":\"ABC\",\"extractionFn\":{\"type\":\"upper\"}}",
      "{\"type\":\"selector\",\"dimension\":\"s\",\"value\":\"b\",\"extractionFn\":{\"type\":\"substring\","
          + "\"index\":1,\"length\":1}}",
      "{\"type\":\"extraction\",\"dimension\":\"s2\",\"value\":\"ABC\",\"extractionFn\":{\"type\":\"upper\"}}",
      "{\"type\":\"in\",\"dimension\":\"tags\",\"values\":[\"X\",\"Z\"],\"extractionFn\":{\"type\":\"upper\"}}",
      "{\"type\":\"in\",\"dimension\":\"n\",\"values\":[\"1\",\"2\"],\"extractionFn\":{\"type\":\"substring\","
          + "\"index\":0}}",
      "{\"type\":\"or\",\"fields\":[{\"type\":\"null\",\"column\":\"s\"},{\"type\":\"equals\",\"column\":\"n\","
          + "\"matchValueType\":\"LONG\",\"matchValue\":1}]}",
      "{\"type\":\"and\",\"fields\":[{\"type\":\"like\",\"dimension\":\"s\",\"pattern\":\"a%\"},{\"type\":\"range\","
          + "\"column\":\"d\",\"matchValueType\":\"DOUBLE\",\"lower\":1}]}",
  })
  void engineAgreesWithOracle(String filter) throws Exception {
    List<String> variants = List.of(filter, not(filter), and(filter, ALWAYS_ROW_BY_ROW),
        not(and(filter, ALWAYS_ROW_BY_ROW)));
    for (String variant : variants) {
      long expected = expectedCount(MAPPER.readTree(variant));
      for (SeedData.Form form : SeedData.Form.values()) {
        assertEquals(expected, count(REGISTRIES.get(form), variant), form + " " + variant);
      }
    }
    for (String variant : List.of(filter, not(filter))) {
      long expected = expectedCount(MAPPER.readTree(variant));
      for (SeedData.Form form : SeedData.Form.values()) {
        assertEquals(expected, filteredAggregatorCount(REGISTRIES.get(form), variant), form + " filtered " + variant);
      }
    }
  }

  /** The count of a {@code filtered} aggregator over every row (the filter is always matched row by row there). */
  private static long filteredAggregatorCount(SegmentRegistry registry, String filter) throws Exception {
    String json = "{\"queryType\":\"timeseries\",\"dataSource\":\"" + FilterTestData.DS + "\",\"intervals\":["
        + "\"2018-03-06/2018-03-07\"],\"granularity\":\"all\",\"aggregations\":[{\"type\":\"filtered\","
        + "\"filter\":" + filter + ",\"aggregator\":{\"type\":\"count\",\"name\":\"rows\"}}]}";
    Query query = JsonBodies.read(MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
    JsonNode result = MAPPER.readTree(MAPPER.writeValueAsString(new QueryExecutor(registry).run(query)));
    return result.get(0).get("result").get("rows").asLong();
  }

  private static String not(String f) {
    return "{\"type\":\"not\",\"field\":" + f + "}";
  }

  private static String and(String a, String b) {
    return "{\"type\":\"and\",\"fields\":[" + a + "," + b + "]}";
  }

  private static long expectedCount(JsonNode filter) {
    return FilterTestData.EVENTS.stream().filter(e -> FilterOracle.eval(filter, e) == FilterOracle.T.TRUE).count();
  }

  static long count(SegmentRegistry registry, String filter) throws Exception {
    String json = "{\"queryType\":\"timeseries\",\"dataSource\":\"" + FilterTestData.DS + "\",\"intervals\":["
        + "\"2018-03-06/2018-03-07\"],\"granularity\":\"all\",\"filter\":" + filter + ",\"aggregations\":["
        + "{\"type\":\"count\",\"name\":\"rows\"}]}";
    Query query = JsonBodies.read(MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
    JsonNode result = MAPPER.readTree(MAPPER.writeValueAsString(new QueryExecutor(registry).run(query)));
    return result.get(0).get("result").get("rows").asLong();
  }
}
