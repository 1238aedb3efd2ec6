package io.kafkaindexing.query.brute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.query.QueryTestMapper;
import io.kafkaindexing.query.brute.BruteData.StoredRow;
import io.kafkaindexing.query.filter.AndDimFilter;
import io.kafkaindexing.query.filter.DimFilter;
import io.kafkaindexing.query.filter.InDimFilter;
import io.kafkaindexing.query.filter.NotDimFilter;
import io.kafkaindexing.query.filter.OrDimFilter;
import io.kafkaindexing.query.filter.SelectorDimFilter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.joda.time.Interval;

/**
 * Brute-force building blocks, written from Druid's documented semantics without the engine's
 * code: three-valued filters over stored rows, aggregations and post-aggregations from their JSON,
 * time bucketing. Stateless.
 */
public final class Brute {
  public static final ObjectMapper MAPPER = QueryTestMapper.create();

  private Brute() {}

  /** SQL three-valued logic. */
  public enum Tri { TRUE, FALSE, UNKNOWN }

  public static boolean matches(DimFilter filter, StoredRow row) {
    return filter == null || eval(filter, row) == Tri.TRUE;
  }

  public static Tri eval(DimFilter filter, StoredRow row) {
    if (filter instanceof SelectorDimFilter s) {
      return valueIn(s.getDimension(), Arrays.asList(s.getValue()), row);
    }
    if (filter instanceof InDimFilter in) {
      return valueIn(in.getDimension(), in.getValues(), row);
    }
    if (filter instanceof NotDimFilter not) {
      Tri t = eval(not.getField(), row);
      return t == Tri.UNKNOWN ? t : t == Tri.TRUE ? Tri.FALSE : Tri.TRUE;
    }
    if (filter instanceof AndDimFilter || filter instanceof OrDimFilter) {
      List<DimFilter> fields = filter instanceof AndDimFilter and ? and.getFields() : ((OrDimFilter) filter).getFields();
      Tri decisive = filter instanceof AndDimFilter ? Tri.FALSE : Tri.TRUE;
      boolean unknown = false;
      for (DimFilter f : fields) {
        Tri t = eval(f, row);
        if (t == decisive) {
          return t;
        }
        unknown |= t == Tri.UNKNOWN;
      }
      return unknown ? Tri.UNKNOWN : decisive == Tri.FALSE ? Tri.TRUE : Tri.FALSE;
    }
    throw new IllegalArgumentException("brute force does not know filter " + filter);
  }

  private static Tri valueIn(String dim, List<String> set, StoredRow row) {
    List<String> vals = row.values(dim);
    if (dim.equals("n")) {
      String v = vals.get(0);
      if (v == null) {
        return set.contains(null) ? Tri.TRUE : Tri.UNKNOWN;
      }
      for (String s : set) {
        if (s != null && new BigDecimal(s).compareTo(new BigDecimal(v)) == 0) {
          return Tri.TRUE;
        }
      }
      return Tri.FALSE;
    }
    Set<String> wanted = new LinkedHashSet<>(set);
    for (String v : vals) {
      if (wanted.contains(v)) {
        return Tri.TRUE;
      }
    }
    return vals.stream().anyMatch(Objects::isNull) ? Tri.UNKNOWN : Tri.FALSE;
  }

  /** The stored rows of {@code segment} whose time is in {@code interval} and that match {@code filter}. */
  public static List<StoredRow> rows(List<StoredRow> segment, Interval interval, DimFilter filter) {
    List<StoredRow> out = new ArrayList<>();
    for (StoredRow r : segment) {
      if (interval.contains(r.time()) && matches(filter, r)) {
        out.add(r);
      }
    }
    return out;
  }

  /** A numeric column of a stored row: a metric, or the long dimension {@code n}; null when null. */
  public static Number number(StoredRow row, String column) {
    if (row.metrics().containsKey(column)) {
      return (Number) row.metrics().get(column);
    }
    String v = row.values(column).get(0);
    return v == null ? null : Long.parseLong(v);
  }

  /** The value of an aggregator (by its JSON) over {@code rows}; aggregators of empty input as Druid's. */
  public static Object aggregate(JsonNode agg, List<StoredRow> rows) {
    String type = agg.get("type").asText();
    if (type.equals("count")) {
      return (long) rows.size();
    }
    if (type.equals("filtered")) {
      io.kafkaindexing.query.filter.DimFilter filter;
      try {
        filter = MAPPER.treeToValue(agg.get("filter"), io.kafkaindexing.query.filter.DimFilter.class);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      return aggregate(agg.get("aggregator"), rows.stream().filter(r -> matches(filter, r)).toList());
    }
    if (type.endsWith("First") || type.endsWith("Last")) {
      return firstLast(agg, type, rows);
    }
    if (type.endsWith("Any")) {
      for (StoredRow r : rows) {
        Object v = typed(type, r, agg.get("fieldName").asText());
        if (v != null) {
          return v;
        }
      }
      return null;
    }
    String field = agg.get("fieldName").asText();
    boolean isLong = type.startsWith("long");
    Object acc = null;
    for (StoredRow r : rows) {
      Number v = number(r, field);
      if (v != null) {
        acc = combine(type, acc, isLong ? (Object) v.longValue() : (Object) v.doubleValue());
      }
    }
    return acc;
  }

  /** First/last: the value (kept even if null) of the earliest/latest row, first/last seen on ties. */
  private static Object firstLast(JsonNode agg, String type, List<StoredRow> rows) {
    boolean first = type.endsWith("First");
    StoredRow chosen = null;
    for (StoredRow r : rows) {
      if (chosen == null || (first ? r.time() < chosen.time() : r.time() >= chosen.time())) {
        chosen = r;
      }
    }
    return chosen == null ? null : typed(type, chosen, agg.get("fieldName").asText());
  }

  /** A column's value of a row in the value type an aggregator type name starts with. */
  private static Object typed(String type, StoredRow r, String column) {
    if (type.startsWith("string")) {
      List<String> v = r.values(column);
      return v.size() == 1 ? v.get(0) : v.toString();
    }
    Number n = number(r, column);
    if (n == null) {
      return null;
    }
    return type.startsWith("long") ? (Object) n.longValue() : (Object) n.doubleValue();
  }

  /** Combines two values of an aggregator type (null ignored). */
  public static Object combine(String type, Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    if (type.equals("count") || type.equals("longSum")) {
      return ((Number) a).longValue() + ((Number) b).longValue();
    }
    if (type.equals("doubleSum")) {
      return ((Number) a).doubleValue() + ((Number) b).doubleValue();
    }
    if (type.equals("longMax")) {
      return Math.max(((Number) a).longValue(), ((Number) b).longValue());
    }
    if (type.equals("longMin")) {
      return Math.min(((Number) a).longValue(), ((Number) b).longValue());
    }
    if (type.equals("doubleMax")) {
      return Math.max(((Number) a).doubleValue(), ((Number) b).doubleValue());
    }
    if (type.equals("doubleMin")) {
      return Math.min(((Number) a).doubleValue(), ((Number) b).doubleValue());
    }
    throw new IllegalArgumentException("brute force does not know aggregator " + type);
  }

  /** The values of every aggregator of {@code query} over {@code rows}, by name. */
  public static Map<String, Object> aggregateAll(JsonNode query, List<StoredRow> rows) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (JsonNode agg : query.path("aggregations")) {
      out.put(agg.get("name").asText(), aggregate(agg, rows));
    }
    return out;
  }

  /** Combines two aggregate maps of {@code query}. */
  public static Map<String, Object> combineAll(JsonNode query, Map<String, Object> a, Map<String, Object> b) {
    Map<String, Object> out = new LinkedHashMap<>(a);
    for (JsonNode agg : query.path("aggregations")) {
      String name = agg.get("name").asText();
      out.put(name, combine(agg.get("type").asText(), a.get(name), b.get(name)));
    }
    return out;
  }

  /** Adds the values of {@code query}'s post-aggregators (arithmetic, fieldAccess, constant) to {@code values}. */
  public static void postAggregate(JsonNode query, Map<String, Object> values) {
    for (JsonNode p : query.path("postAggregations")) {
      values.put(p.get("name").asText(), post(p, values));
    }
  }

  private static Object post(JsonNode p, Map<String, Object> values) {
    switch (p.get("type").asText()) {
      case "fieldAccess":
        return values.get(p.get("fieldName").asText());
      case "constant":
        return p.get("value").isIntegralNumber() ? (Object) p.get("value").asLong() : (Object) p.get("value").asDouble();
      case "arithmetic": {
        Double acc = null;
        for (JsonNode f : p.get("fields")) {
          Object v = post(f, values);
          if (v == null) {
            return null;
          }
          double d = ((Number) v).doubleValue();
          if (acc == null) {
            acc = d;
            continue;
          }
          acc = switch (p.get("fn").asText()) {
            case "+" -> acc + d;
            case "-" -> acc - d;
            case "*" -> acc * d;
            case "/" -> d == 0 ? 0.0 : acc / d;
            default -> throw new IllegalArgumentException(p.toString());
          };
        }
        return acc;
      }
      default:
        throw new IllegalArgumentException("brute force does not know post-aggregator " + p);
    }
  }

  /** The start of the bucket of {@code t} for the simple granularities the tests use. */
  public static long bucket(String granularity, long t) {
    long size = bucketSize(granularity);
    return Math.floorDiv(t, size) * size;
  }

  public static long bucketSize(String granularity) {
    return switch (granularity) {
      case "none" -> 1L;
      case "minute" -> 60_000L;
      case "fifteen_minute" -> 900_000L;
      case "hour" -> 3_600_000L;
      case "day" -> 86_400_000L;
      default -> throw new IllegalArgumentException(granularity);
    };
  }

  /** Relative tolerance for doubles: sums of the same values in another order differ in the last bits. */
  public static final double DOUBLE_TOLERANCE = 1e-9;

  /**
   * Asserts that {@code expected} and {@code actual} (objects, or JSON trees taken as they are) serialize
   * to equal JSON trees (object members in any order), except that floating-point numbers need only
   * agree within {@link #DOUBLE_TOLERANCE} relative to the larger magnitude. On a mismatch the
   * assertion shows both documents.
   */
  public static void assertJsonEquals(Object expected, Object actual, String message) {
    assertJson(expected, actual, false, message);
  }

  /** As {@link #assertJsonEquals}, but object members must also come in the same order (equal JSON text). */
  public static void assertJsonTextEquals(Object expected, Object actual, String message) {
    assertJson(expected, actual, true, message);
  }

  private static void assertJson(Object expected, Object actual, boolean memberOrder, String message) {
    JsonNode e = tree(expected);
    JsonNode a = tree(actual);
    if (!sameJson(e, a, memberOrder)) {
      org.junit.jupiter.api.Assertions.assertEquals(e.toString(), a.toString(), message);
      org.junit.jupiter.api.Assertions.fail(message + ": documents differ beyond the double tolerance");
    }
  }

  private static JsonNode tree(Object value) {
    if (value instanceof JsonNode node) {
      return node;
    }
    try {
      return MAPPER.readTree(MAPPER.writeValueAsString(value));
    } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
      throw new IllegalStateException(x);
    }
  }

  /** Equal JSON, floating-point numbers compared within the tolerance. */
  static boolean sameJson(JsonNode e, JsonNode a, boolean memberOrder) {
    if (e.isFloatingPointNumber() || a.isFloatingPointNumber()) {
      if (!e.isNumber() || !a.isNumber()) {
        return false;
      }
      double x = e.asDouble();
      double y = a.asDouble();
      return x == y || Math.abs(x - y) <= DOUBLE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
    }
    if (e.isObject() != a.isObject() || e.isArray() != a.isArray() || e.size() != a.size()) {
      return false;
    }
    if (e.isObject()) {
      List<String> names = new ArrayList<>();
      e.fieldNames().forEachRemaining(names::add);
      List<String> otherNames = new ArrayList<>();
      a.fieldNames().forEachRemaining(otherNames::add);
      if (memberOrder ? !names.equals(otherNames) : !new java.util.HashSet<>(names).equals(new java.util.HashSet<>(otherNames))) {
        return false;
      }
      for (String name : names) {
        if (!sameJson(e.get(name), a.get(name), memberOrder)) {
          return false;
        }
      }
      return true;
    }
    if (e.isArray()) {
      for (int i = 0; i < e.size(); i++) {
        if (!sameJson(e.get(i), a.get(i), memberOrder)) {
          return false;
        }
      }
      return true;
    }
    return e.equals(a);
  }

  public static String iso(long millis) {
    return new org.joda.time.DateTime(millis, org.joda.time.DateTimeZone.UTC).toString();
  }

}
