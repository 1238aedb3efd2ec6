package io.kafkaindexing.query.brute;


import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.query.Query;
import io.kafkaindexing.query.QueryExecutor;
import io.kafkaindexing.query.brute.BruteData.StoredRow;
import io.kafkaindexing.query.ordering.StringComparator;
import io.kafkaindexing.query.ordering.StringComparators;
import io.kafkaindexing.query.topn.TopNQuery;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TopN answers over {@link BruteData} compared with answers computed here from the stored rows,
 * including Druid's approximation (each segment keeps its top {@code max(threshold,
 * minTopNThreshold)} values) and every metric spec form.
 */
class TopNBruteForceTest {
  private static final String AGGS = "\"aggregations\":[{\"type\":\"longSum\",\"name\":\"rows\",\"fieldName\":\"rows\"},"
      + "{\"type\":\"longSum\",\"name\":\"lsum\",\"fieldName\":\"lsum\"},{\"type\":\"doubleSum\",\"name\":\"dsum\","
      + "\"fieldName\":\"dsum\"}],\"postAggregations\":[{\"type\":\"arithmetic\",\"name\":\"avg\",\"fn\":\"/\","
      + "\"fields\":[{\"type\":\"fieldAccess\",\"fieldName\":\"dsum\"},{\"type\":\"fieldAccess\",\"fieldName\":\"rows\"}]}]";

  @ParameterizedTest
  @ValueSource(strings = {
      "\"dimension\":\"user\",\"metric\":\"rows\",\"threshold\":4,\"granularity\":\"all\"",
      "\"dimension\":\"user\",\"metric\":{\"type\":\"numeric\",\"metric\":\"lsum\"},\"threshold\":20,\"granularity\":\"hour\"",
      "\"dimension\":\"tags\",\"metric\":\"avg\",\"threshold\":3,\"granularity\":\"all\"",
      "\"dimension\":\"url\",\"metric\":{\"type\":\"inverted\",\"metric\":\"rows\"},\"threshold\":2,\"granularity\":\"all\"",
      "\"dimension\":\"user\",\"metric\":{\"type\":\"dimension\",\"ordering\":\"alphanumeric\"},\"threshold\":5,"
          + "\"granularity\":\"all\"",
      "\"dimension\":\"user\",\"metric\":{\"type\":\"dimension\",\"previousStop\":\"u1\"},\"threshold\":3,"
          + "\"granularity\":\"fifteen_minute\",\"intervals\":[\"2018-03-06T10:00/2018-03-06T11:00\"]",
      "\"dimension\":\"user\",\"metric\":{\"type\":\"inverted\",\"metric\":{\"type\":\"lexicographic\"}},\"threshold\":4,"
          + "\"granularity\":\"all\"",
      "\"dimension\":\"tags\",\"metric\":{\"type\":\"alphaNumeric\",\"previousStop\":\"X\"},\"threshold\":10,"
          + "\"granularity\":\"all\"",
      "\"dimension\":\"n\",\"metric\":{\"type\":\"dimension\",\"ordering\":\"numeric\"},\"threshold\":10,"
          + "\"granularity\":\"all\"",
      "\"dimension\":{\"type\":\"default\",\"dimension\":\"n\",\"outputName\":\"num\",\"outputType\":\"LONG\"},"
          + "\"metric\":\"rows\",\"threshold\":10,\"granularity\":\"all\"",
      "\"dimension\":\"user\",\"metric\":\"rows\",\"threshold\":2,\"granularity\":\"all\","
          + "\"context\":{\"minTopNThreshold\":2}",
      "\"dimension\":{\"type\":\"default\",\"dimension\":\"user\",\"outputName\":\"who\"},\"metric\":\"lsum\","
          + "\"threshold\":3,\"granularity\":\"hour\",\"filter\":{\"type\":\"not\",\"field\":{\"type\":\"selector\","
          + "\"dimension\":\"url\",\"value\":\"/a\"}}",
      "\"dimension\":\"user\",\"metric\":\"rows\",\"threshold\":3,\"granularity\":\"all\","
          + "\"intervals\":[\"2018-03-07/2018-03-08\"]",
      "\"dimension\":\"tags\",\"metric\":\"lsum\",\"threshold\":2,\"granularity\":\"hour\","
          + "\"context\":{\"minTopNThreshold\":2}",
      "\"dimension\":\"url\",\"metric\":{\"type\":\"inverted\",\"metric\":\"dsum\"},\"threshold\":1,"
          + "\"granularity\":\"all\",\"context\":{\"minTopNThreshold\":1}",
      "\"dimension\":\"user\",\"metric\":\"rows\",\"threshold\":1,\"granularity\":\"fifteen_minute\","
          + "\"context\":{\"minTopNThreshold\":1}",
      "\"dimension\":\"url\",\"metric\":{\"type\":\"inverted\",\"metric\":\"rows\"},\"threshold\":1,"
          + "\"granularity\":\"fifteen_minute\",\"context\":{\"minTopNThreshold\":1}",
  })
  void engineAgreesWithBruteForce(String fields) throws Exception {
    String json = "{\"queryType\":\"topN\",\"dataSource\":\"" + BruteData.DS + "\","
        + (fields.contains("\"intervals\"") ? "" : "\"intervals\":[\"2018-03-06/2018-03-07\"],") + AGGS + "," + fields
        + "}";
    TopNQuery query = (TopNQuery) JsonBodies.read(Brute.MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class,
        "query");
    JsonNode expected = Brute.MAPPER.readTree(Brute.MAPPER.writeValueAsString(
        bruteForce(Brute.MAPPER.readTree(json), query)));
    List<?> actual = new QueryExecutor(BruteData.REGISTRY).run(query);
    Brute.assertJsonEquals(expected, actual, json);
  }

  private record Bucket(long ts, List<Map<String, Object>> entries) {}

  private static List<Map<String, Object>> bruteForce(JsonNode q, TopNQuery query) {
    String gran = q.get("granularity").asText();
    boolean all = gran.equals("all");
    JsonNode dimSpec = q.get("dimension");
    String dim = dimSpec.isTextual() ? dimSpec.asText() : dimSpec.get("dimension").asText();
    String outName = dimSpec.isTextual() ? dim : dimSpec.path("outputName").asText(dim);
    boolean asLong = dimSpec.path("outputType").asText("STRING").equals("LONG");
    int threshold = q.get("threshold").asInt();
    int k = Math.max(threshold, q.path("context").path("minTopNThreshold").asInt(1000));
    TreeMap<Long, Bucket> merged = new TreeMap<>();
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
        long size = all ? Long.MAX_VALUE / 4 : Brute.bucketSize(gran);
        for (long b = all ? start : Brute.bucket(gran, start); b < end; b += size) {
          long from = b;
          long to = all ? end : b + size;
          Map<Object, List<StoredRow>> groups = new LinkedHashMap<>();
          for (StoredRow r : rows) {
            if (r.time() >= from && r.time() < to) {
              for (String v : r.values(dim)) {
                groups.computeIfAbsent(v == null ? NULL : asLong ? (Object) Long.parseLong(v) : v,
                    x -> new ArrayList<>()).add(r);
              }
            }
          }
          List<Map<String, Object>> entries = new ArrayList<>();
          groups.forEach((v, in) -> {
            Map<String, Object> e = new HashMap<>(Brute.aggregateAll(q, in));
            e.put(outName, v == NULL ? null : v);
            Brute.postAggregate(q, e);
            entries.add(e);
          });
          Bucket partial = new Bucket(b, top(q, outName, entries, k));
          long key = all ? 0 : Brute.bucket(gran, b);
          Bucket existing = merged.get(key);
          merged.put(key, existing == null ? partial
              : new Bucket(all ? existing.ts() : key, top(q, outName, combine(q, outName, existing, partial), k)));
        }
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Bucket b : merged.values()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("timestamp", Brute.iso(b.ts()));
      r.put("result", b.entries().subList(0, Math.min(threshold, b.entries().size())));
      out.add(r);
    }
    return out;
  }

  private static final Object NULL = new Object();

  private static List<Map<String, Object>> combine(JsonNode q, String outName, Bucket a, Bucket b) {
    Map<Object, Map<String, Object>> byValue = new LinkedHashMap<>();
    for (Bucket side : List.of(a, b)) {
      for (Map<String, Object> e : side.entries()) {
        Object key = e.get(outName) == null ? NULL : e.get(outName);
        Map<String, Object> mine = byValue.get(key);
        if (mine == null) {
          byValue.put(key, e);
        } else {
          Map<String, Object> c = new HashMap<>(Brute.combineAll(q, mine, e));
          c.put(outName, e.get(outName));
          Brute.postAggregate(q, c);
          byValue.put(key, c);
        }
      }
    }
    return new ArrayList<>(byValue.values());
  }

  /** The first {@code k} entries in the rank order of the query's metric spec. */
  private static List<Map<String, Object>> top(JsonNode q, String outName, List<Map<String, Object>> entries, int k) {
    JsonNode metric = q.get("metric");
    boolean inverted = metric.isObject() && metric.get("type").asText().equals("inverted");
    JsonNode spec = inverted ? metric.get("metric") : metric;
    String type = spec.isTextual() ? "numeric" : spec.get("type").asText();
    Comparator<Object> dimTies = Comparator.nullsFirst((x, y) -> x instanceof Long lx ? lx.compareTo((Long) y)
        : ((String) x).compareTo((String) y));
    Comparator<Map<String, Object>> order;
    List<Map<String, Object>> candidates = new ArrayList<>(entries);
    if (type.equals("numeric")) {
      String name = spec.isTextual() ? spec.asText() : spec.get("metric").asText();
      Comparator<Object> values = Comparator.nullsFirst((x, y) -> Double.compare(((Number) x).doubleValue(),
          ((Number) y).doubleValue()));
      Comparator<Object> byMetric = inverted ? Comparator.nullsLast((x, y) -> values.compare(x, y))
          : values.reversed();
      order = Comparator.comparing(e -> e.get(name), byMetric);
    } else {
      StringComparator ordering = switch (type) {
        case "alphaNumeric" -> StringComparators.ALPHANUMERIC;
        case "lexicographic" -> StringComparators.LEXICOGRAPHIC;
        default -> StringComparators.fromName(spec.path("ordering").asText("lexicographic"));
      };
      Comparator<String> strings = inverted ? (x, y) -> x == null ? (y == null ? 0 : -1) : y == null ? 1
          : ordering.compare(y, x) : ordering;
      String stop = spec.path("previousStop").isTextual() ? spec.get("previousStop").asText() : null;
      if (stop != null) {
        candidates.removeIf(e -> strings.compare(str(e.get(outName)), stop) <= 0);
      }
      order = Comparator.comparing(e -> str(e.get(outName)), strings);
    }
    candidates.sort(order.thenComparing(e -> e.get(outName), dimTies));
    return new ArrayList<>(candidates.subList(0, Math.min(k, candidates.size())));
  }

  private static String str(Object v) {
    return v == null ? null : v.toString();
  }
}
