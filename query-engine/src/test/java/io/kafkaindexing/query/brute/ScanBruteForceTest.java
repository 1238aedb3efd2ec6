package io.kafkaindexing.query.brute;


import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.query.Query;
import io.kafkaindexing.query.QueryExecutor;
import io.kafkaindexing.query.SeedData;
import io.kafkaindexing.query.brute.BruteData.StoredRow;
import io.kafkaindexing.query.scan.ScanQuery;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scan answers over {@link BruteData} compared with answers computed here from the stored rows:
 * default and explicit columns (a missing one included), both result formats, batches, offset and
 * limit across segments, time ordering.
 */
class ScanBruteForceTest {
  /**
   * Every column, as a scan without {@code columns} lists them: time, dimensions, then metrics in
   * schema order in memory but by name when persisted (Druid's merger sorts metric names).
   */
  private static final List<String> ALL = BruteData.FORM == SeedData.Form.PERSISTED
      ? List.of("__time", "user", "url", "tags", "n", "dmin", "dsum", "lmax", "lsum", "rows")
      : List.of("__time", "user", "url", "tags", "n", "rows", "lsum", "lmax", "dsum", "dmin");
  private static final Map<String, String> TYPES = Map.of("__time", "LONG", "user", "STRING", "url", "STRING", "tags",
      "STRING", "n", "LONG", "rows", "LONG", "lsum", "LONG", "lmax", "LONG", "dsum", "DOUBLE", "dmin", "DOUBLE");

  @ParameterizedTest
  @ValueSource(strings = {
      "\"intervals\":[\"2018-03-06T10:15/2018-03-06T10:40\"]",
      "\"columns\":[\"url\",\"__time\",\"nope\",\"tags\"],\"resultFormat\":\"compactedList\",\"batchSize\":7,"
          + "\"intervals\":[\"2018-03-06T09:59/2018-03-06T10:02\"]",
      "\"columns\":[\"user\",\"lsum\"],\"limit\":25,\"offset\":870,\"batchSize\":10",
      "\"columns\":[\"__time\",\"user\",\"dsum\"],\"order\":\"descending\",\"limit\":12,\"offset\":3,\"batchSize\":5",
      "\"columns\":[\"__time\",\"url\"],\"order\":\"ascending\",\"limit\":9,\"filter\":{\"type\":\"selector\","
          + "\"dimension\":\"user\",\"value\":\"u3\"},\"intervals\":[\"2018-03-06T09:50/2018-03-06T11:10\"]",
      "\"columns\":[\"__time\",\"n\"],\"orderBy\":[{\"columnName\":\"__time\",\"order\":\"descending\"}],"
          + "\"resultFormat\":\"compactedList\",\"limit\":4",
      "\"filter\":{\"type\":\"in\",\"dimension\":\"tags\",\"values\":[\"X\"]},\"limit\":30",
  })
  void engineAgreesWithBruteForce(String fields) throws Exception {
    String json = "{\"queryType\":\"scan\",\"dataSource\":\"" + BruteData.DS + "\","
        + (fields.contains("\"intervals\"") ? "" : "\"intervals\":[\"2018-03-06/2018-03-07\"],") + fields + "}";
    ScanQuery query = (ScanQuery) JsonBodies.read(Brute.MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class,
        "query");
    List<?> actual = new QueryExecutor(BruteData.REGISTRY).run(query);
    String expected = Brute.MAPPER.writeValueAsString(bruteForce(Brute.MAPPER.readTree(json), query));
    Brute.assertJsonTextEquals(Brute.MAPPER.readTree(expected), actual, json);
  }

  private record Row(String segmentId, long time, List<Object> values) {}

  private static List<Map<String, Object>> bruteForce(JsonNode q, ScanQuery query) {
    List<String> columns = new ArrayList<>();
    q.path("columns").forEach(c -> columns.add(c.asText()));
    if (columns.isEmpty()) {
      columns.addAll(ALL);
    }
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<Long, List<StoredRow>> seg : BruteData.SEGMENTS.entrySet()) {
      Interval segInterval = new Interval(seg.getKey(), seg.getKey() + BruteData.HOUR, DateTimeZone.UTC);
      String id = BruteData.DS + "_" + segInterval.getStart() + "_" + segInterval.getEnd() + "_" + BruteData.VERSION;
      for (Interval qi : query.getIntervals()) {
        Interval overlap = qi.overlap(segInterval);
        if (overlap != null) {
          for (StoredRow r : Brute.rows(seg.getValue(), overlap, query.getFilter())) {
            List<Object> values = new ArrayList<>();
            columns.forEach(c -> values.add(value(r, c)));
            rows.add(new Row(id, r.time(), values));
          }
        }
      }
    }
    String order = q.has("orderBy") ? q.get("orderBy").get(0).get("order").asText() : q.path("order").asText("none");
    if (order.equals("descending")) {
      Collections.reverse(rows);
      rows.sort(Comparator.comparingLong(Row::time).reversed());
    } else if (order.equals("ascending")) {
      rows.sort(Comparator.comparingLong(Row::time));
    }
    int offset = q.path("offset").asInt(0);
    long limit = q.path("limit").asLong(Long.MAX_VALUE);
    rows = rows.subList(Math.min(offset, rows.size()), (int) Math.min(rows.size(), offset + Math.min(limit, rows.size())));
    boolean compacted = q.path("resultFormat").asText("list").equals("compactedList");
    int batch = q.path("batchSize").asInt(20480);
    List<Map<String, Object>> signature = new ArrayList<>();
    for (String c : columns) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("name", c);
      if (TYPES.containsKey(c)) {
        e.put("type", TYPES.get(c));
      }
      signature.add(e);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    List<Object> events = new ArrayList<>();
    String current = null;
    for (Row r : rows) {
      String id = order.equals("none") ? r.segmentId() : null;
      if (!events.isEmpty() && (events.size() == batch || !java.util.Objects.equals(id, current))) {
        out.add(result(current, columns, events, signature));
        events = new ArrayList<>();
      }
      current = id;
      if (compacted) {
        events.add(r.values());
      } else {
        Map<String, Object> e = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
          e.put(columns.get(i), r.values().get(i));
        }
        events.add(e);
      }
    }
    if (!events.isEmpty()) {
      out.add(result(current, columns, events, signature));
    }
    return out;
  }

  private static Map<String, Object> result(String id, List<String> columns, List<Object> events,
      List<Map<String, Object>> signature) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("segmentId", id);
    r.put("columns", columns);
    r.put("events", events);
    r.put("rowSignature", signature);
    return r;
  }

  private static Object value(StoredRow r, String column) {
    if (column.equals("__time")) {
      return r.time();
    }
    if (r.metrics().containsKey(column)) {
      return r.metrics().get(column);
    }
    if (!r.dims().containsKey(column)) {
      return null;
    }
    List<String> v = r.values(column);
    if (column.equals("n")) {
      return v.get(0) == null ? null : Long.parseLong(v.get(0));
    }
    return v.size() == 1 ? v.get(0) : v;
  }
}
