package io.kafkaindexing.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.core.json.JsonBodies;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The general query context keys of Druid's query-context page on the seed's data: {@code priority},
 * {@code lane} and the cache flags are accepted (and their types checked), {@code finalize: false}
 * returns the aggregators' intermediate values, {@code bySegment} is refused.
 */
class QueryContextTest {
  private static final ObjectMapper MAPPER = QueryTestMapper.create();
  private static final String TIMESERIES = "{\"queryType\":\"timeseries\",\"dataSource\":\"metrics-kafka\","
      + "\"granularity\":\"all\",\"intervals\":[\"2018-03-06/2018-03-07\"],\"aggregations\":[{\"type\":\"longSum\","
      + "\"name\":\"views\",\"fieldName\":\"views\"},{\"type\":\"doubleFirst\",\"name\":\"firstLatency\","
      + "\"fieldName\":\"latencyMs\"}],\"context\":";

  private static JsonNode run(String json) throws Exception {
    Query query = JsonBodies.read(MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
    List<?> results = new QueryExecutor(SeedData.seedRegistry(MAPPER)).run(query.withId("ctx"));
    return MAPPER.readTree(MAPPER.writeValueAsString(results));
  }

  private static Map<String, Object> earliestEvent() {
    return SeedData.events(MAPPER).stream()
        .min(Comparator.comparing(e -> Instant.parse((String) e.get("time")))).orElseThrow();
  }

  @Test
  void priorityLaneAndCacheFlagsAreAcceptedAndChangeNothing() throws Exception {
    JsonNode plain = run(TIMESERIES + "{}}");
    assertEquals(plain, run(TIMESERIES + "{\"priority\":10,\"lane\":\"low\",\"useCache\":false,"
        + "\"populateCache\":\"false\",\"useResultLevelCache\":true}}"));
    assertEquals(SeedData.events(MAPPER).size(), plain.get(0).get("result").get("views").asInt());
  }

  @Test
  void finalizeFalseReturnsTheFirstAggregatorsTimeAndValuePair() throws Exception {
    Map<String, Object> first = earliestEvent();
    long time = Instant.parse((String) first.get("time")).toEpochMilli();
    double latency = ((Number) first.get("latencyMs")).doubleValue();
    JsonNode finalized = run(TIMESERIES + "{\"finalize\":true}}").get(0).get("result");
    assertEquals(latency, finalized.get("firstLatency").asDouble());
    JsonNode raw = run(TIMESERIES + "{\"finalize\":false}}").get(0).get("result");
    assertEquals(time, raw.get("firstLatency").get("lhs").asLong(), raw.toString());
    assertEquals(latency, raw.get("firstLatency").get("rhs").asDouble(), raw.toString());
    assertEquals(SeedData.events(MAPPER).size(), raw.get("views").asInt());
  }

  @Test
  void serializeDateTimeAsLongWritesEveryResultTimeAsEpochMillis() throws Exception {
    List<Long> times = SeedData.events(MAPPER).stream().map(e -> Instant.parse((String) e.get("time")).toEpochMilli())
        .sorted().toList();
    JsonNode timeseries = run(TIMESERIES + "{\"serializeDateTimeAsLong\":true}}");
    assertEquals(times.get(0), timeseries.get(0).get("timestamp").asLong());
    assertTrue(timeseries.get(0).get("timestamp").isNumber(), timeseries.toString());
    JsonNode boundary = run("{\"queryType\":\"timeBoundary\",\"dataSource\":\"metrics-kafka\","
        + "\"context\":{\"serializeDateTimeAsLong\":true}}").get(0);
    assertEquals(times.get(0), boundary.get("result").get("minTime").asLong(), boundary.toString());
    assertEquals(times.get(times.size() - 1), boundary.get("result").get("maxTime").asLong(), boundary.toString());
    assertTrue(boundary.get("result").get("maxTime").isNumber(), boundary.toString());
    JsonNode groupBy = run("{\"queryType\":\"groupBy\",\"dataSource\":\"metrics-kafka\",\"granularity\":\"all\","
        + "\"dimensions\":[\"user\"],\"intervals\":[\"2018-03-06/2018-03-07\"],"
        + "\"context\":{\"serializeDateTimeAsLong\":\"true\"}}");
    assertEquals(Instant.parse("2018-03-06T00:00:00Z").toEpochMilli(), groupBy.get(0).get("timestamp").asLong());
    assertTrue(groupBy.get(0).get("timestamp").isNumber(), groupBy.toString());
    assertEquals(run(TIMESERIES + "{}}"), run(TIMESERIES + "{\"serializeDateTimeAsLongInner\":true}}"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"priority\":\"high\"}|priority",
      "{\"lane\":5}|lane",
      "{\"finalize\":\"maybe\"}|finalize",
      "{\"useCache\":\"sometimes\"}|useCache",
      "{\"timeout\":\"soon\"}|timeout",
  })
  void badlyTypedKeysAre400NamingTheKey(String context, String key) {
    DruidException e = assertThrows(DruidException.class, () -> run(TIMESERIES + context + "}"));
    assertEquals(400, e.httpStatus(), e.getMessage());
    assertTrue(e.getMessage().contains("key[" + key + "]"), e.getMessage());
  }

  @Test
  void bySegmentResultsAreRefused() {
    DruidException e = assertThrows(DruidException.class, () -> run(TIMESERIES + "{\"bySegment\":true}}"));
    assertEquals(400, e.httpStatus());
    assertTrue(e.getMessage().contains("bySegment"), e.getMessage());
  }
}
