package io.kafkaindexing.query.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.query.Query;
import io.kafkaindexing.query.QueryTestMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each filter type reads Druid's JSON, writes it back in a form that reads to an equal filter, and
 * rejects bad fields with an invalid-input error naming the field.
 */
class FilterJsonTest {
  private static final ObjectMapper MAPPER = QueryTestMapper.create();

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"type\":\"equals\",\"column\":\"x\",\"matchValueType\":\"STRING\",\"matchValue\":\"a\"}",
      "{\"type\":\"equals\",\"column\":\"x\",\"matchValueType\":\"long\",\"matchValue\":5}",
      "{\"type\":\"equals\",\"column\":\"x\",\"matchValueType\":\"DOUBLE\",\"matchValue\":1.25}",
      "{\"type\":\"null\",\"column\":\"x\"}",
      "{\"type\":\"null\",\"column\":\"x\",\"filterTuning\":{\"useBitmapIndex\":false}}",
      "{\"type\":\"range\",\"column\":\"x\",\"matchValueType\":\"LONG\",\"lower\":21,\"upper\":\"31\","
          + "\"upperOpen\":true}",
      "{\"type\":\"range\",\"column\":\"x\",\"matchValueType\":\"STRING\",\"lower\":\"a\",\"lowerOpen\":true}",
      "{\"type\":\"bound\",\"dimension\":\"x\",\"lower\":\"1\",\"upper\":\"3\",\"lowerStrict\":true,"
          + "\"ordering\":\"numeric\"}",
      "{\"type\":\"bound\",\"dimension\":\"x\",\"upper\":\"b\",\"ordering\":{\"type\":\"alphanumeric\"},"
          + "\"extractionFn\":{\"type\":\"upper\"}}",
      "{\"type\":\"bound\",\"dimension\":\"x\",\"lower\":\"b\",\"alphaNumeric\":true}",
      "{\"type\":\"like\",\"dimension\":\"x\",\"pattern\":\"a\\\\%%\",\"escape\":\"\\\\\"}",
      "{\"type\":\"regex\",\"dimension\":\"x\",\"pattern\":\"^a.*\"}",
      "{\"type\":\"search\",\"dimension\":\"x\",\"query\":{\"type\":\"insensitive_contains\",\"value\":\"A\"}}",
      "{\"type\":\"search\",\"dimension\":\"x\",\"query\":{\"type\":\"fragment\",\"values\":[\"a\",\"b\"]},"
          + "\"extractionFn\":{\"type\":\"lower\"}}",
      "{\"type\":\"interval\",\"dimension\":\"__time\",\"intervals\":[\"2014-10-01/2014-10-07\","
          + "\"2014-11-15T00:00:00.000Z/2014-11-16T00:00:00.000Z\"]}",
      "{\"type\":\"columnComparison\",\"dimensions\":[\"a\",{\"type\":\"extraction\",\"dimension\":\"b\","
          + "\"outputName\":\"b\",\"extractionFn\":{\"type\":\"upper\"}}]}",
      "{\"type\":\"true\"}",
      "{\"type\":\"false\"}",
      "{\"type\":\"extraction\",\"dimension\":\"x\",\"value\":\"A\",\"extractionFn\":{\"type\":\"upper\"}}",
      "{\"type\":\"bound\",\"dimension\":\"x\",\"lower\":\"a\",\"extractionFn\":{\"type\":\"substring\",\"index\":1}}",
      "{\"type\":\"in\",\"dimension\":\"x\",\"values\":[\"A\"],\"extractionFn\":{\"type\":\"upper\"}}",
      "{\"type\":\"inType\",\"column\":\"x\",\"matchValueType\":\"STRING\",\"values\":[\"b\",null,\"a\",\"b\"]}",
      "{\"type\":\"inType\",\"column\":\"x\",\"matchValueType\":\"LONG\",\"sortedValues\":[1,2,10]}",
      "{\"type\":\"arrayContainsElement\",\"column\":\"x\",\"elementMatchValueType\":\"STRING\","
          + "\"elementMatchValue\":\"a\"}",
      "{\"type\":\"arrayContainsElement\",\"column\":\"x\",\"elementMatchValueType\":\"LONG\","
          + "\"elementMatchValue\":null}",
  })
  void roundTrips(String json) throws Exception {
    DimFilter filter = MAPPER.readValue(json, DimFilter.class);
    String written = MAPPER.writeValueAsString(filter);
    assertEquals(filter, MAPPER.readValue(written, DimFilter.class), written);
    assertTrue(written.contains(MAPPER.readTree(json).get("type").toString()), written);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"type\":\"equals\",\"matchValueType\":\"STRING\",\"matchValue\":\"a\"}|column",
      "{\"type\":\"equals\",\"column\":\"x\",\"matchValue\":\"a\"}|matchValueType",
      "{\"type\":\"equals\",\"column\":\"x\",\"matchValueType\":\"STRING\"}|matchValue",
      "{\"type\":\"equals\",\"column\":\"x\",\"matchValueType\":\"LONG\",\"matchValue\":\"abc\"}|matchValue",
      "{\"type\":\"equals\",\"column\":\"x\",\"matchValueType\":\"ARRAY<STRING>\",\"matchValue\":[\"a\"]}"
          + "|matchValueType",
      "{\"type\":\"null\"}|column",
      "{\"type\":\"range\",\"column\":\"x\",\"matchValueType\":\"LONG\"}|lower",
      "{\"type\":\"range\",\"column\":\"x\",\"lower\":1}|matchValueType",
      "{\"type\":\"range\",\"column\":\"x\",\"matchValueType\":\"LONG\",\"lower\":\"abc\"}|lower",
      "{\"type\":\"range\",\"column\":\"x\",\"matchValueType\":\"DOUBLE\",\"upper\":\"z\"}|upper",
      "{\"type\":\"bound\",\"dimension\":\"x\"}|lower",
      "{\"type\":\"bound\",\"lower\":\"a\"}|dimension",
      "{\"type\":\"bound\",\"dimension\":\"x\",\"lower\":\"a\",\"ordering\":\"bogus\"}|ordering",
      "{\"type\":\"bound\",\"dimension\":\"x\",\"lower\":\"a\",\"ordering\":\"numeric\",\"alphaNumeric\":true}"
          + "|alphaNumeric",
      "{\"type\":\"like\",\"dimension\":\"x\"}|pattern",
      "{\"type\":\"like\",\"dimension\":\"x\",\"pattern\":\"a\",\"escape\":\"ab\"}|escape",
      "{\"type\":\"regex\",\"dimension\":\"x\",\"pattern\":\"(\"}|pattern",
      "{\"type\":\"regex\",\"pattern\":\"a\"}|dimension",
      "{\"type\":\"search\",\"dimension\":\"x\"}|query",
      "{\"type\":\"interval\",\"dimension\":\"__time\",\"intervals\":[]}|intervals",
      "{\"type\":\"interval\",\"dimension\":\"__time\",\"intervals\":[\"nope\"]}|intervals",
      "{\"type\":\"columnComparison\",\"dimensions\":[\"a\"]}|dimensions",
      "{\"type\":\"extraction\",\"dimension\":\"x\",\"value\":\"a\"}|extractionFn",
      "{\"type\":\"inType\",\"matchValueType\":\"STRING\",\"values\":[\"a\"]}|column",
      "{\"type\":\"inType\",\"column\":\"x\",\"values\":[\"a\"]}|matchValueType",
      "{\"type\":\"inType\",\"column\":\"x\",\"matchValueType\":\"STRING\"}|sortedValues",
      "{\"type\":\"inType\",\"column\":\"x\",\"matchValueType\":\"STRING\",\"values\":[\"a\"],"
          + "\"sortedValues\":[\"a\"]}|sortedValues",
      "{\"type\":\"inType\",\"column\":\"x\",\"matchValueType\":\"LONG\",\"values\":[\"abc\"]}|values",
      "{\"type\":\"arrayContainsElement\",\"column\":\"x\",\"elementMatchValue\":\"a\"}|elementMatchValueType",
      "{\"type\":\"arrayContainsElement\",\"column\":\"x\",\"elementMatchValueType\":\"LONG\","
          + "\"elementMatchValue\":\"z\"}|elementMatchValue",
      "{\"type\":\"bogus\",\"dimension\":\"x\"}|filter",
  })
  void badFieldsAreInvalidInputNamingTheField(String filter, String field) {
    String query = "{\"queryType\":\"timeseries\",\"dataSource\":\"ds\",\"intervals\":[\"2018/2019\"],"
        + "\"granularity\":\"all\",\"filter\":" + filter + "}";
    DruidException e = assertThrows(DruidException.class,
        () -> JsonBodies.read(MAPPER, query.getBytes(StandardCharsets.UTF_8), Query.class, "query"));
    assertEquals("invalidInput", e.errorCode(), e.getMessage());
    assertTrue(e.getMessage().contains(field), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"type\":\"true\"}", "{\"type\":\"false\"}"})
  void constantFiltersWriteOnlyTheirType(String json) throws Exception {
    assertEquals(json, MAPPER.writeValueAsString(MAPPER.readValue(json, DimFilter.class)));
    assertInstanceOf(DimFilter.class, MAPPER.readValue(json, DimFilter.class));
  }
}
