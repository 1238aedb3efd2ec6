package io.kafkaindexing.query.brute;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.TreeSet;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** TimeBoundary, segmentMetadata and dataSourceMetadata answers over {@link BruteData} computed from the stored rows. */
class TimeBoundaryAndMetadataBruteForceTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "",
      ",\"bound\":\"maxTime\"",
      ",\"bound\":\"minTime\",\"intervals\":[\"2018-03-06T09:30/2018-03-06T10:30\"]",
      ",\"filter\":{\"type\":\"selector\",\"dimension\":\"user\",\"value\":\"U1\"}",
      ",\"filter\":{\"type\":\"selector\",\"dimension\":\"user\",\"value\":\"nobody\"}",
  })
  void timeBoundaryAgreesWithBruteForce(String fields) throws Exception {
    String json = "{\"queryType\":\"timeBoundary\",\"dataSource\":\"" + BruteData.DS + "\"" + fields + "}";
    Query query = JsonBodies.read(Brute.MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
    JsonNode q = Brute.MAPPER.readTree(json);
    Long min = null;
    Long max = null;
    for (List<StoredRow> seg : BruteData.SEGMENTS.values()) {
      for (Interval i : query.getIntervals()) {
        for (StoredRow r : Brute.rows(seg, i, ((io.kafkaindexing.query.timeboundary.TimeBoundaryQuery) query).getFilter())) {
          min = min == null ? r.time() : Math.min(min, r.time());
          max = max == null ? r.time() : Math.max(max, r.time());
        }
      }
    }
    String expected = "[]";
    if (min != null) {
      String bound = q.path("bound").asText("");
      Map<String, Object> result = new LinkedHashMap<>();
      if (!bound.equals("minTime")) {
        result.put("maxTime", Brute.iso(max));
      }
      if (!bound.equals("maxTime")) {
        result.put("minTime", Brute.iso(min));
      }
      expected = "[{\"timestamp\":\"" + Brute.iso(bound.equals("maxTime") ? max : min) + "\",\"result\":"
          + Brute.MAPPER.writeValueAsString(result) + "}]";
    }
    Brute.assertJsonTextEquals(Brute.MAPPER.readTree(expected), new QueryExecutor(BruteData.REGISTRY).run(query), json);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void segmentMetadataAgreesWithBruteForce(boolean merge) throws Exception {
    String json = "{\"queryType\":\"segmentMetadata\",\"dataSource\":\"" + BruteData.DS + "\",\"merge\":" + merge
        + ",\"analysisTypes\":[\"cardinality\",\"size\",\"minmax\",\"rollup\",\"queryGranularity\"],"
        + "\"toInclude\":{\"type\":\"list\",\"columns\":[\"__time\",\"user\",\"tags\",\"n\",\"dsum\",\"nope\"]}}";
    Query query = JsonBodies.read(Brute.MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
    List<Map<String, Object>> expected = new ArrayList<>();
    for (Map.Entry<Long, List<StoredRow>> seg : BruteData.SEGMENTS.entrySet()) {
      Interval interval = new Interval(seg.getKey(), seg.getKey() + BruteData.HOUR, DateTimeZone.UTC);
      List<StoredRow> rows = seg.getValue();
      Map<String, Object> columns = new LinkedHashMap<>();
      long total = (long) rows.size() * (1 + BruteData.DIMS.size() + BruteData.METRICS.size());
      for (String c : List.of("__time", "user", "url", "tags", "n", "rows", "lsum", "lmax", "dsum", "dmin")) {
        Map<String, Object> a = column(c, rows);
        total += (Long) a.get("size");
        if (List.of("__time", "user", "tags", "n", "dsum").contains(c)) {
          columns.put(c, a);
        }
      }
      Map<String, Object> analysis = new LinkedHashMap<>();
      analysis.put("id", BruteData.DS + "_" + interval.getStart() + "_" + interval.getEnd() + "_" + BruteData.VERSION);
      analysis.put("intervals", null);
      analysis.put("columns", columns);
      analysis.put("size", total);
      analysis.put("numRows", rows.size());
      analysis.put("aggregators", null);
      analysis.put("timestampSpec", null);
      analysis.put("queryGranularity", "MINUTE");
      analysis.put("rollup", true);
      expected.add(analysis);
    }
    List<?> actual = new QueryExecutor(BruteData.REGISTRY).run(query);
    JsonNode actualJson = Brute.MAPPER.readTree(Brute.MAPPER.writeValueAsString(actual));
    if (!merge) {
      Brute.assertJsonEquals(expected, actualJson, json);
      return;
    }
    JsonNode merged = actualJson.get(0);
    assertEquals(1, actualJson.size());
    assertEquals("merged", merged.get("id").asText());
    long rows = 0;
    for (List<StoredRow> seg : BruteData.SEGMENTS.values()) {
      rows += seg.size();
    }
    assertEquals(rows, merged.get("numRows").asLong());
    List<StoredRow> all = new ArrayList<>();
    BruteData.SEGMENTS.values().forEach(all::addAll);
    JsonNode user = merged.get("columns").get("user");
    assertEquals(column("user", all).get("minValue"), user.get("minValue").isNull() ? null : user.get("minValue").asText());
    assertEquals("u3", user.get("maxValue").asText());
    assertEquals(true, merged.get("rollup").asBoolean());
  }

  @Test
  void dataSourceMetadataIsTheLatestIngestedEvent() throws Exception {
    Query query = JsonBodies.read(Brute.MAPPER, ("{\"queryType\":\"dataSourceMetadata\",\"dataSource\":\""
        + BruteData.DS + "\"}").getBytes(StandardCharsets.UTF_8), Query.class, "query");
    JsonNode result = Brute.MAPPER.valueToTree(new QueryExecutor(BruteData.REGISTRY).run(query));
    String ts = result.get(0).get("timestamp").asText();
    assertEquals(ts, result.get(0).get("result").get("maxIngestedEventTime").asText());
    long lastMinute = BruteData.SEGMENTS.lastEntry().getValue().get(BruteData.SEGMENTS.lastEntry().getValue().size() - 1)
        .time();
    long millis = new org.joda.time.DateTime(ts).getMillis();
    assertEquals(lastMinute, millis / 60_000 * 60_000, "the raw time of the latest row lies in the last stored minute");
  }

  private static Map<String, Object> column(String c, List<StoredRow> rows) {
    Map<String, Object> a = new LinkedHashMap<>();
    boolean string = List.of("user", "url", "tags").contains(c);
    String type = string ? "STRING" : c.startsWith("d") ? "DOUBLE" : "LONG";
    a.put("typeSignature", type);
    a.put("type", type);
    boolean multi = false;
    boolean nulls = false;
    TreeSet<String> values = new TreeSet<>();
    long size = 0;
    for (StoredRow r : rows) {
      if (c.equals("__time")) {
        continue;
      }
      if (string) {
        List<String> v = r.values(c);
        multi |= v.size() > 1;
        TreeSet<String> distinct = new TreeSet<>(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
        distinct.addAll(v);
        for (String s : distinct) {
          if (s == null) {
            nulls = true;
          } else {
            values.add(s);
            size += s.getBytes(StandardCharsets.UTF_8).length;
          }
        }
      } else {
        nulls |= Brute.number(r, c) == null;
      }
    }
    a.put("hasMultipleValues", multi);
    a.put("hasNulls", nulls);
    a.put("size", string ? size : (c.equals("__time") ? 10L : 8L) * rows.size());
    a.put("cardinality", string ? values.size() + (nulls ? 1 : 0) : null);
    a.put("minValue", string && !nulls ? values.first() : null);
    a.put("maxValue", string ? values.last() : null);
    a.put("errorMessage", null);
    return a;
  }
}
