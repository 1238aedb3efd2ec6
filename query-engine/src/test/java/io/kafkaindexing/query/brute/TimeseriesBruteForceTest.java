package io.kafkaindexing.query.brute;


import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.query.Query;
import io.kafkaindexing.query.QueryExecutor;
import io.kafkaindexing.query.brute.BruteData.StoredRow;
import io.kafkaindexing.query.timeseries.TimeseriesQuery;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Timeseries answers over {@link BruteData} compared with answers computed here from the stored
 * rows: buckets within each segment's data, empty-bucket filling, descending, limit, grand total,
 * the empty {@code all} row, and merging across segments.
 */
class TimeseriesBruteForceTest {
  private static final String AGGS = "\"aggregations\":[{\"type\":\"longSum\",\"name\":\"rows\",\"fieldName\":\"rows\"},"
      + "{\"type\":\"count\",\"name\":\"stored\"},{\"type\":\"longSum\",\"name\":\"lsum\",\"fieldName\":\"lsum\"},"
      + "{\"type\":\"longMax\",\"name\":\"lmax\",\"fieldName\":\"lmax\"},{\"type\":\"doubleSum\",\"name\":\"dsum\","
      + "\"fieldName\":\"dsum\"},{\"type\":\"doubleMin\",\"name\":\"dmin\",\"fieldName\":\"dmin\"},"
      + "{\"type\":\"longSum\",\"name\":\"nsum\",\"fieldName\":\"n\"}],\"postAggregations\":[{\"type\":\"arithmetic\","
      + "\"name\":\"avg\",\"fn\":\"/\",\"fields\":[{\"type\":\"fieldAccess\",\"fieldName\":\"dsum\"},"
      + "{\"type\":\"fieldAccess\",\"fieldName\":\"rows\"}]}]";

  @ParameterizedTest
  @ValueSource(strings = {
      "\"granularity\":\"all\"",
      "\"granularity\":\"hour\"",
      "\"granularity\":\"minute\"",
      "\"granularity\":\"fifteen_minute\",\"descending\":true",
      "\"granularity\":\"minute\",\"context\":{\"skipEmptyBuckets\":true}",
      "\"granularity\":\"minute\",\"limit\":7,\"context\":{\"grandTotal\":true}",
      "\"granularity\":\"minute\",\"limit\":5,\"descending\":true",
      "\"granularity\":\"day\",\"filter\":{\"type\":\"selector\",\"dimension\":\"user\",\"value\":\"u1\"}",
      "\"granularity\":\"fifteen_minute\",\"filter\":{\"type\":\"not\",\"field\":{\"type\":\"in\",\"dimension\":\"tags\","
          + "\"values\":[\"x\",\"y\"]}},\"context\":{\"grandTotal\":\"true\"}",
      "\"granularity\":\"all\",\"intervals\":[\"2018-03-06T09:30/2018-03-06T10:05\",\"2018-03-06T11:40/2018-03-06T13\"]",
      "\"granularity\":\"all\",\"intervals\":[\"2018-03-07/2018-03-08\"],\"context\":{\"grandTotal\":true}",
      "\"granularity\":\"all\",\"intervals\":[\"2018-03-07/2018-03-08\"],\"context\":{\"skipEmptyBuckets\":true}",
      "\"granularity\":\"hour\",\"intervals\":[\"2018-03-07/2018-03-08\"]",
      "\"granularity\":\"minute\",\"filter\":{\"type\":\"selector\",\"dimension\":\"n\",\"value\":\"3\"},"
          + "\"intervals\":[\"2018-03-06T10:08:30/2018-03-06T10:31\"]",
  })
  void engineAgreesWithBruteForce(String fields) throws Exception {
    String json = "{\"queryType\":\"timeseries\",\"dataSource\":\"" + BruteData.DS + "\","
        + (fields.contains("\"intervals\"") ? "" : "\"intervals\":[\"2018-03-06/2018-03-07\"],") + AGGS + "," + fields
        + "}";
    TimeseriesQuery query = (TimeseriesQuery) JsonBodies.read(Brute.MAPPER, json.getBytes(StandardCharsets.UTF_8),
        Query.class, "query");
    List<?> actual = new QueryExecutor(BruteData.REGISTRY).run(query);
    JsonNode expected = Brute.MAPPER.readTree(Brute.MAPPER.writeValueAsString(bruteForce(Brute.MAPPER.readTree(json), query)));
    Brute.assertJsonEquals(expected, actual, json);
  }

  private record Row(long ts, Map<String, Object> values) {}

  private static List<Map<String, Object>> bruteForce(JsonNode q, TimeseriesQuery query) {
    String gran = q.get("granularity").asText();
    boolean all = gran.equals("all");
    boolean skip = q.path("context").path("skipEmptyBuckets").asText("false").equals("true");
    boolean desc = q.path("descending").asBoolean(false);
    int limit = q.path("limit").asInt(0) == 0 ? Integer.MAX_VALUE : q.get("limit").asInt();
    List<List<Row>> partials = new ArrayList<>();
    for (Map.Entry<Long, List<StoredRow>> seg : BruteData.SEGMENTS.entrySet()) {
      List<StoredRow> stored = seg.getValue();
      long min = stored.get(0).time();
      long max = stored.get(stored.size() - 1).time();
      Interval segInterval = new Interval(seg.getKey(), seg.getKey() + BruteData.HOUR, DateTimeZone.UTC);
      for (Interval qi : query.getIntervals()) {
        Interval overlap = qi.overlap(segInterval);
        if (overlap == null) {
          continue;
        }
        long start = Math.max(overlap.getStartMillis(), min);
        long end = Math.min(overlap.getEndMillis(), all ? Long.MAX_VALUE : Brute.bucket(gran, max) + Brute.bucketSize(gran));
        if (start >= end) {
          continue;
        }
        List<StoredRow> rows = Brute.rows(stored, overlap, query.getFilter());
        List<Row> list = new ArrayList<>();
        long size = all ? Long.MAX_VALUE / 4 : Brute.bucketSize(gran);
        for (long b = all ? start : Brute.bucket(gran, start); b < end; b += size) {
          long from = b;
          long to = all ? end : b + size;
          List<StoredRow> in = rows.stream().filter(r -> r.time() >= from && r.time() < to).toList();
          if (in.isEmpty() && skip) {
            continue;
          }
          list.add(new Row(b, Brute.aggregateAll(q, in)));
        }
        if (desc) {
          Collections.reverse(list);
        }
        partials.add(list.size() > limit ? list.subList(0, limit) : list);
      }
    }
    TreeMap<Long, Row> merged = new TreeMap<>(desc ? Collections.reverseOrder() : null);
    for (List<Row> p : partials) {
      for (Row r : p) {
        long key = all ? 0 : Brute.bucket(gran, r.ts());
        Row existing = merged.get(key);
        merged.put(key, existing == null ? r : new Row(all ? (desc ? r.ts() : existing.ts()) : key,
            Brute.combineAll(q, existing.values(), r.values())));
      }
    }
    List<Row> rows = new ArrayList<>(merged.values());
    if (rows.size() > limit) {
      rows = rows.subList(0, limit);
    }
    if (rows.isEmpty() && all && !skip) {
      rows = List.of(new Row(query.getIntervals().get(0).getStartMillis(), Brute.aggregateAll(q, List.of())));
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(result(Brute.iso(r.ts()), q, r.values()));
    }
    if (q.path("context").path("grandTotal").asText("false").equals("true")) {
      Map<String, Object> total = null;
      for (Row r : rows) {
        total = total == null ? r.values() : Brute.combineAll(q, total, r.values());
      }
      out.add(result(null, q, total == null ? Brute.aggregateAll(q, List.of()) : total));
    }
    return out;
  }

  private static Map<String, Object> result(String timestamp, JsonNode q, Map<String, Object> aggs) {
    Map<String, Object> values = new LinkedHashMap<>(aggs);
    Brute.postAggregate(q, values);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("timestamp", timestamp);
    out.put("result", values);
    return out;
  }
}
