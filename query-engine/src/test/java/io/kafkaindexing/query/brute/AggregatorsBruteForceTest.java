package io.kafkaindexing.query.brute;


import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.query.Query;
import io.kafkaindexing.query.QueryExecutor;
import io.kafkaindexing.query.brute.BruteData.StoredRow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Query-time aggregators (first/last of longs, doubles and strings, any, filtered) in a groupBy by
 * {@code url} per hour over {@link BruteData}, compared with values computed here from the
 * stored rows: first/last follow the row time (ties: first/last row seen) and keep null values;
 * any is the first non-null value; filtered aggregates only matching rows.
 */
class AggregatorsBruteForceTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"type\":\"longFirst\",\"name\":\"a\",\"fieldName\":\"lsum\"}",
      "{\"type\":\"longLast\",\"name\":\"a\",\"fieldName\":\"n\"}",
      "{\"type\":\"doubleFirst\",\"name\":\"a\",\"fieldName\":\"dsum\"}",
      "{\"type\":\"doubleLast\",\"name\":\"a\",\"fieldName\":\"dmin\"}",
      "{\"type\":\"stringFirst\",\"name\":\"a\",\"fieldName\":\"user\"}",
      "{\"type\":\"stringLast\",\"name\":\"a\",\"fieldName\":\"user\",\"maxStringBytes\":1024}",
      "{\"type\":\"longAny\",\"name\":\"a\",\"fieldName\":\"lsum\"}",
      "{\"type\":\"doubleAny\",\"name\":\"a\",\"fieldName\":\"dsum\"}",
      "{\"type\":\"stringAny\",\"name\":\"a\",\"fieldName\":\"user\"}",
      "{\"type\":\"filtered\",\"filter\":{\"type\":\"selector\",\"dimension\":\"user\",\"value\":\"u1\"},"
          + "\"aggregator\":{\"type\":\"longSum\",\"name\":\"a\",\"fieldName\":\"rows\"}}",
      "{\"type\":\"filtered\",\"filter\":{\"type\":\"not\",\"field\":{\"type\":\"in\",\"dimension\":\"tags\","
          + "\"values\":[\"x\"]}},\"aggregator\":{\"type\":\"doubleMin\",\"name\":\"a\",\"fieldName\":\"dmin\"}}",
  })
  void groupByAgreesWithBruteForce(String aggregator) throws Exception {
    String json = "{\"queryType\":\"groupBy\",\"dataSource\":\"" + BruteData.DS + "\",\"intervals\":["
        + "\"2018-03-06/2018-03-07\"],\"granularity\":\"hour\",\"dimensions\":[\"url\"],\"aggregations\":["
        + aggregator + "]}";
    Query query = JsonBodies.read(Brute.MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
    JsonNode agg = Brute.MAPPER.readTree(aggregator);
    List<Map<String, Object>> expected = new ArrayList<>();
    for (Map.Entry<Long, List<StoredRow>> seg : BruteData.SEGMENTS.entrySet()) {
      TreeMap<String, List<StoredRow>> byUrl = new TreeMap<>();
      seg.getValue().forEach(r -> byUrl.computeIfAbsent(r.values("url").get(0), k -> new ArrayList<>()).add(r));
      byUrl.forEach((url, rows) -> {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("url", url);
        event.put("a", Brute.aggregate(agg, rows));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("version", "v1");
        row.put("timestamp", Brute.iso(seg.getKey()));
        row.put("event", event);
        expected.add(row);
      });
    }
    List<?> actual = new QueryExecutor(BruteData.REGISTRY).run(query);
    Brute.assertJsonEquals(expected, actual, aggregator);
  }

  @ParameterizedTest
  @ValueSource(strings = {"longFirst", "longLast", "doubleFirst", "stringLast", "longAny", "stringAny"})
  void timeseriesAllMergesAcrossSegments(String type) throws Exception {
    String field = type.startsWith("string") ? "user" : type.startsWith("long") ? "lsum" : "dsum";
    String aggregator = "{\"type\":\"" + type + "\",\"name\":\"a\",\"fieldName\":\"" + field + "\"}";
    String json = "{\"queryType\":\"timeseries\",\"dataSource\":\"" + BruteData.DS + "\",\"intervals\":["
        + "\"2018-03-06/2018-03-07\"],\"granularity\":\"all\",\"aggregations\":[" + aggregator + "]}";
    Query query = JsonBodies.read(Brute.MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
    List<StoredRow> all = new ArrayList<>();
    BruteData.SEGMENTS.values().forEach(all::addAll);
    Object value = Brute.aggregate(Brute.MAPPER.readTree(aggregator), all);
    JsonNode actual = Brute.MAPPER.readTree(Brute.MAPPER.writeValueAsString(
        new QueryExecutor(BruteData.REGISTRY).run(query)));
    Brute.assertJsonEquals(value, actual.get(0).get("result").get("a"), type);
  }
}
