package io.kafkaindexing.query.brute;


import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.query.Query;
import io.kafkaindexing.query.QueryExecutor;
import io.kafkaindexing.query.brute.BruteData.StoredRow;
import io.kafkaindexing.query.groupby.GroupByQuery;
import io.kafkaindexing.query.ordering.StringComparator;
import io.kafkaindexing.query.ordering.StringComparators;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GroupBy answers over {@link BruteData} compared with answers computed here from the stored rows:
 * multi-value explosion, time buckets, having of every type, limitSpec ordering (dimensions,
 * aggregators, post-aggregators, directions, orderings, offset) and subtotals.
 */
class GroupByBruteForceTest {
  private static final String AGGS = "\"aggregations\":[{\"type\":\"longSum\",\"name\":\"rows\",\"fieldName\":\"rows\"},"
      + "{\"type\":\"longSum\",\"name\":\"lsum\",\"fieldName\":\"lsum\"},{\"type\":\"doubleSum\",\"name\":\"dsum\","
      + "\"fieldName\":\"dsum\"}],\"postAggregations\":[{\"type\":\"arithmetic\",\"name\":\"avg\",\"fn\":\"/\","
      + "\"fields\":[{\"type\":\"fieldAccess\",\"fieldName\":\"dsum\"},{\"type\":\"fieldAccess\",\"fieldName\":\"rows\"}]}]";

  @ParameterizedTest
  @ValueSource(strings = {
      "\"dimensions\":[\"user\",\"url\"],\"granularity\":\"all\"",
      "\"dimensions\":[\"tags\",\"n\"],\"granularity\":\"hour\"",
      "\"dimensions\":[],\"granularity\":\"all\"",
      "\"dimensions\":[],\"granularity\":\"all\",\"intervals\":[\"2018-03-07/2018-03-08\"]",
      "\"dimensions\":[],\"granularity\":\"fifteen_minute\"",
      "\"dimensions\":[{\"type\":\"default\",\"dimension\":\"n\",\"outputName\":\"num\",\"outputType\":\"LONG\"},\"url\"],"
          + "\"granularity\":\"all\",\"limitSpec\":{\"type\":\"default\",\"columns\":[{\"dimension\":\"num\","
          + "\"direction\":\"descending\",\"dimensionOrder\":\"numeric\"}],\"limit\":7}",
      "\"dimensions\":[\"user\"],\"granularity\":\"all\",\"having\":{\"type\":\"greaterThan\",\"aggregation\":\"rows\","
          + "\"value\":250}",
      "\"dimensions\":[\"user\"],\"granularity\":\"hour\",\"having\":{\"type\":\"or\",\"havingSpecs\":[{\"type\":"
          + "\"lessThan\",\"aggregation\":\"avg\",\"value\":49.5},{\"type\":\"equalTo\",\"aggregation\":\"rows\","
          + "\"value\":80}]}",
      "\"dimensions\":[\"user\",\"url\"],\"granularity\":\"all\",\"having\":{\"type\":\"and\",\"havingSpecs\":[{\"type\":"
          + "\"dimSelector\",\"dimension\":\"url\",\"value\":\"/a\"},{\"type\":\"not\",\"havingSpec\":{\"type\":"
          + "\"greaterThan\",\"aggregation\":\"lsum\",\"value\":1500}}]}",
      "\"dimensions\":[\"user\",\"url\"],\"granularity\":\"all\",\"having\":{\"type\":\"filter\",\"filter\":{\"type\":"
          + "\"in\",\"dimension\":\"user\",\"values\":[\"u1\",\"u2\",null]}}",
      "\"dimensions\":[\"user\"],\"granularity\":\"all\",\"having\":{\"type\":\"never\"}",
      "\"dimensions\":[\"tags\"],\"granularity\":\"all\"",
      "\"dimensions\":[\"url\"],\"granularity\":\"all\",\"limitSpec\":{\"type\":\"default\",\"columns\":["
          + "{\"dimension\":\"lsum\",\"direction\":\"descending\"}],\"limit\":2}",
      "\"dimensions\":[\"user\"],\"granularity\":\"all\",\"having\":{\"type\":\"always\"}",
      "\"dimensions\":[\"user\",\"url\"],\"granularity\":\"all\",\"limitSpec\":{\"type\":\"default\",\"columns\":["
          + "{\"dimension\":\"rows\",\"direction\":\"descending\"},\"user\"],\"limit\":5,\"offset\":2}",
      "\"dimensions\":[\"user\",\"url\"],\"granularity\":\"hour\",\"limitSpec\":{\"type\":\"default\",\"columns\":["
          + "{\"dimension\":\"avg\",\"direction\":\"desc\"}],\"limit\":4}",
      "\"dimensions\":[\"user\",\"url\"],\"granularity\":\"all\",\"limitSpec\":{\"type\":\"default\",\"columns\":["
          + "{\"dimension\":\"user\",\"dimensionOrder\":\"alphanumeric\"},{\"dimension\":\"url\",\"direction\":"
          + "\"descending\",\"dimensionOrder\":{\"type\":\"strlen\"}}]}",
      "\"dimensions\":[\"user\",\"url\"],\"granularity\":\"all\",\"limitSpec\":{\"type\":\"default\",\"limit\":3}",
      "\"dimensions\":[\"user\",\"url\",\"tags\"],\"granularity\":\"all\",\"subtotalsSpec\":[[\"user\"],[\"url\","
          + "\"tags\"],[]]",
      "\"dimensions\":[\"user\",\"url\"],\"granularity\":\"hour\",\"subtotalsSpec\":[[\"url\"],[\"user\",\"url\"]],"
          + "\"having\":{\"type\":\"greaterThan\",\"aggregation\":\"rows\",\"value\":100},\"filter\":{\"type\":\"not\","
          + "\"field\":{\"type\":\"selector\",\"dimension\":\"tags\",\"value\":\"y\"}}",
  })
  void engineAgreesWithBruteForce(String fields) throws Exception {
    String json = "{\"queryType\":\"groupBy\",\"dataSource\":\"" + BruteData.DS + "\","
        + (fields.contains("\"intervals\"") ? "" : "\"intervals\":[\"2018-03-06/2018-03-07\"],") + AGGS + "," + fields
        + "}";
    GroupByQuery query = (GroupByQuery) JsonBodies.read(Brute.MAPPER, json.getBytes(StandardCharsets.UTF_8),
        Query.class, "query");
    String expected = Brute.MAPPER.writeValueAsString(bruteForce(Brute.MAPPER.readTree(json), query));
    List<?> actual = new QueryExecutor(BruteData.REGISTRY).run(query);
    Brute.assertJsonTextEquals(Brute.MAPPER.readTree(expected), actual, json);
  }

  /** A group: timestamp, dimension values (output types), values by name. */
  private record Group(long ts, List<Object> dims, Map<String, Object> values) {}

  private static List<Map<String, Object>> bruteForce(JsonNode q, GroupByQuery query) {
    String gran = q.get("granularity").asText();
    boolean all = gran.equals("all");
    List<String> dims = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<Boolean> longs = new ArrayList<>();
    for (JsonNode d : q.get("dimensions")) {
      dims.add(d.isTextual() ? d.asText() : d.get("dimension").asText());
      names.add(d.isTextual() ? d.asText() : d.path("outputName").asText(dims.get(dims.size() - 1)));
      longs.add(d.path("outputType").asText("STRING").equals("LONG"));
    }
    long universal = query.getIntervals().get(0).getStartMillis();
    List<Group> partials = new ArrayList<>();
    for (Map.Entry<Long, List<StoredRow>> seg : BruteData.SEGMENTS.entrySet()) {
      Interval segInterval = new Interval(seg.getKey(), seg.getKey() + BruteData.HOUR, DateTimeZone.UTC);
      for (Interval qi : query.getIntervals()) {
        Interval overlap = qi.overlap(segInterval);
        if (overlap == null) {
          continue;
        }
        Map<List<Object>, List<StoredRow>> groups = new LinkedHashMap<>();
        for (StoredRow r : Brute.rows(seg.getValue(), overlap, query.getFilter())) {
          long ts = all ? universal : Brute.bucket(gran, r.time());
          for (List<Object> combo : combinations(r, dims, longs)) {
            List<Object> key = new ArrayList<>();
            key.add(ts);
            key.addAll(combo);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
          }
        }
        groups.forEach((key, rows) -> partials.add(new Group((Long) key.get(0), key.subList(1, key.size()),
            Brute.aggregateAll(q, rows))));
      }
    }
    List<Group> merged = regroup(q, partials, null, names);
    if (q.has("subtotalsSpec")) {
      List<Group> concat = new ArrayList<>();
      for (JsonNode subtotal : q.get("subtotalsSpec")) {
        List<String> keep = new ArrayList<>();
        subtotal.forEach(s -> keep.add(s.asText()));
        concat.addAll(regroup(q, merged, keep, names));
      }
      merged = concat;
    }
    merged.forEach(g -> Brute.postAggregate(q, g.values()));
    if (merged.isEmpty() && dims.isEmpty() && all) {
      Map<String, Object> empty = Brute.aggregateAll(q, List.of());
      Brute.postAggregate(q, empty);
      merged = List.of(new Group(universal, List.of(), empty));
    }
    List<Group> kept = new ArrayList<>();
    for (Group g : merged) {
      if (!q.has("having") || having(q.get("having"), event(g, names))) {
        kept.add(g);
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Group g : limit(q, kept, names, all)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("version", "v1");
      row.put("timestamp", Brute.iso(g.ts()));
      row.put("event", event(g, names));
      out.add(row);
    }
    return out;
  }

  private static List<List<Object>> combinations(StoredRow r, List<String> dims, List<Boolean> longs) {
    List<List<Object>> out = new ArrayList<>();
    out.add(new ArrayList<>());
    for (int i = 0; i < dims.size(); i++) {
      List<List<Object>> next = new ArrayList<>();
      for (List<Object> prefix : out) {
        for (String v : r.values(dims.get(i))) {
          List<Object> c = new ArrayList<>(prefix);
          c.add(v == null ? null : longs.get(i) ? (Object) Long.parseLong(v) : v);
          next.add(c);
        }
      }
      out = next;
    }
    return out;
  }

  private static final Comparator<Object> NATURAL = Comparator.nullsFirst((a, b) -> a instanceof Long x
      ? x.compareTo((Long) b) : ((String) a).compareTo((String) b));

  private static List<Group> regroup(JsonNode q, List<Group> groups, List<String> keep, List<String> names) {
    TreeMap<List<Object>, Group> out = new TreeMap<>((a, b) -> {
      for (int i = 0; i < a.size(); i++) {
        int c = NATURAL.compare(a.get(i), b.get(i));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    });
    for (Group g : groups) {
      List<Object> key = new ArrayList<>();
      key.add(g.ts());
      for (int i = 0; i < g.dims().size(); i++) {
        key.add(keep == null || keep.contains(names.get(i)) ? g.dims().get(i) : null);
      }
      Group existing = out.get(key);
      Map<String, Object> aggs = new LinkedHashMap<>();
      for (JsonNode a : q.get("aggregations")) {
        aggs.put(a.get("name").asText(), g.values().get(a.get("name").asText()));
      }
      out.put(key, existing == null ? new Group(g.ts(), key.subList(1, key.size()), aggs)
          : new Group(g.ts(), existing.dims(), Brute.combineAll(q, existing.values(), aggs)));
    }
    return new ArrayList<>(out.values());
  }

  private static Map<String, Object> event(Group g, List<String> names) {
    Map<String, Object> e = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      e.put(names.get(i), g.dims().get(i));
    }
    e.putAll(g.values());
    return e;
  }

  private static boolean having(JsonNode h, Map<String, Object> event) {
    switch (h.get("type").asText()) {
      case "always":
        return true;
      case "never":
        return false;
      case "not":
        return !having(h.get("havingSpec"), event);
      case "and":
        for (JsonNode s : h.get("havingSpecs")) {
          if (!having(s, event)) {
            return false;
          }
        }
        return true;
      case "or":
        for (JsonNode s : h.get("havingSpecs")) {
          if (having(s, event)) {
            return true;
          }
        }
        return false;
      case "dimSelector":
        return Objects.equals(event.get(h.get("dimension").asText()), h.get("value").asText());
      case "filter": {
        JsonNode f = h.get("filter");
        Object v = event.get(f.get("dimension").asText());
        for (JsonNode allowed : f.get("values")) {
          if (allowed.isNull() ? v == null : allowed.asText().equals(v)) {
            return true;
          }
        }
        return false;
      }
      default: {
        Object v = event.get(h.get("aggregation").asText());
        if (v == null) {
          return false;
        }
        int c = Double.compare(((Number) v).doubleValue(), h.get("value").asDouble());
        return switch (h.get("type").asText()) {
          case "greaterThan" -> c > 0;
          case "lessThan" -> c < 0;
          default -> c == 0;
        };
      }
    }
  }

  private static List<Group> limit(JsonNode q, List<Group> groups, List<String> names, boolean all) {
    JsonNode spec = q.path("limitSpec");
    int offset = spec.path("offset").asInt(0);
    int limit = spec.path("limit").asInt(Integer.MAX_VALUE);
    List<Group> sorted = new ArrayList<>(groups);
    JsonNode columns = spec.path("columns");
    if (columns.size() > 0) {
      Comparator<Group> order = all ? (a, b) -> 0 : Comparator.comparingLong(Group::ts);
      for (JsonNode c : columns) {
        String name = c.isTextual() ? c.asText() : c.get("dimension").asText();
        boolean desc = !c.isTextual() && c.path("direction").asText("ascending").startsWith("desc");
        Comparator<Group> next;
        int dim = names.indexOf(name);
        if (dim >= 0) {
          JsonNode orderNode = c.path("dimensionOrder");
          StringComparator sc = StringComparators.fromName(orderNode.isObject() ? orderNode.get("type").asText()
              : orderNode.asText("lexicographic"));
          next = Comparator.comparing(g -> g.dims().get(dim) == null ? null : g.dims().get(dim).toString(),
              Comparator.nullsFirst(sc));
        } else {
          next = Comparator.comparing(g -> (Number) g.values().get(name),
              Comparator.nullsFirst(Comparator.comparingDouble(Number::doubleValue)));
        }
        order = order.thenComparing(desc ? next.reversed() : next);
      }
      sorted.sort(order);
    }
    int from = Math.min(offset, sorted.size());
    int to = (int) Math.min(sorted.size(), (long) from + limit);
    return sorted.subList(from, to);
  }

  static List<Object> list(Object... values) {
    return Arrays.asList(values);
  }
}
