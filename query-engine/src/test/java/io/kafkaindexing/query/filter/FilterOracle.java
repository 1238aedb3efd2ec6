package io.kafkaindexing.query.filter;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaindexing.query.ordering.StringComparators;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.joda.time.Interval;
import org.joda.time.chrono.ISOChronology;

/**
 * Decides filters (given as JSON) on raw {@link FilterTestData} events, written from Druid 33's
 * documented and observed semantics without the engine's filter classes: SQL three-valued logic,
 * a multi-value row true when any value is, unknown when none is and one is unknown. The
 * {@code alphanumeric} and {@code version} orderings reuse the engine's comparators (tested on
 * their own); everything else is re-implemented here. Stateless.
 */
final class FilterOracle {
  enum T { TRUE, FALSE, UNKNOWN }

  private FilterOracle() {}

  static T of(boolean b) {
    return b ? T.TRUE : T.FALSE;
  }

  /** How one filter judges single values. */
  private interface Leaf {
    T str(String v);

    /** A non-null number of a numeric column. */
    T num(Number v);

    /** A null of a numeric column, when no extraction function is set. */
    default T numNull() {
      return str(null);
    }
  }

  static T eval(JsonNode f, Map<String, Object> e) {
    String type = f.get("type").asText();
    switch (type) {
      case "true":
        return T.TRUE;
      case "false":
        return T.FALSE;
      case "not": {
        T t = eval(f.get("field"), e);
        return t == T.UNKNOWN ? t : t == T.TRUE ? T.FALSE : T.TRUE;
      }
      case "and":
      case "or": {
        T decisive = type.equals("and") ? T.FALSE : T.TRUE;
        boolean unknown = false;
        for (JsonNode field : f.get("fields")) {
          T t = eval(field, e);
          if (t == decisive) {
            return t;
          }
          unknown |= t == T.UNKNOWN;
        }
        return unknown ? T.UNKNOWN : decisive == T.FALSE ? T.TRUE : T.FALSE;
      }
      case "columnComparison":
        return columnComparison(f, e);
      case "interval": {
        T out = T.FALSE;
        for (JsonNode i : f.get("intervals")) {
          Interval interval = new Interval(i.asText(), ISOChronology.getInstanceUTC());
          T t = leaf(f.get("dimension").asText(), f.get("extractionFn"), numericBound(
              String.valueOf(interval.getStartMillis()), false, String.valueOf(interval.getEndMillis()), true), e);
          out = or(out, t);
        }
        return out;
      }
      default:
        String column = f.has("column") ? f.get("column").asText() : f.get("dimension").asText();
        return leaf(column, f.get("extractionFn"), leafFor(type, f), e);
    }
  }

  private static T or(T a, T b) {
    return a == T.TRUE || b == T.TRUE ? T.TRUE : a == T.UNKNOWN || b == T.UNKNOWN ? T.UNKNOWN : T.FALSE;
  }

  private static T leaf(String column, JsonNode extractionFn, Leaf p, Map<String, Object> e) {
    boolean fn = extractionFn != null && !extractionFn.isNull();
    if (column.equals("__time") || FilterTestData.NUMBERS.contains(column)) {
      Number v = FilterTestData.number(e, column);
      if (v == null) {
        return fn && !(p instanceof BoundLeaf) ? p.str(extract(extractionFn, null)) : p.numNull();
      }
      return fn ? p.str(extract(extractionFn, String.valueOf(v))) : p.num(v);
    }
    List<String> values = FilterTestData.STRINGS.contains(column) ? FilterTestData.strings(e, column)
        : Arrays.asList((String) null);
    T out = T.FALSE;
    for (String v : values) {
      out = or(out, p.str(fn ? extract(extractionFn, v) : v));
    }
    return out;
  }

  static String extract(JsonNode fn, String v) {
    if (v == null) {
      return null;
    }
    return switch (fn.get("type").asText()) {
      case "upper" -> v.toUpperCase(Locale.ROOT);
      case "lower" -> v.toLowerCase(Locale.ROOT);
      case "substring" -> {
        int index = fn.get("index").asInt();
        int end = fn.has("length") ? Math.min(v.length(), index + fn.get("length").asInt()) : v.length();
        yield index < v.length() ? v.substring(index, end) : null;
      }
      default -> throw new IllegalArgumentException("oracle does not know extractionFn " + fn);
    };
  }

  private static Leaf leafFor(String type, JsonNode f) {
    switch (type) {
      case "selector":
      case "extraction":
        return valueSet(Arrays.asList(f.get("value") == null || f.get("value").isNull() ? null
            : f.get("value").asText()));
      case "in": {
        List<String> set = new ArrayList<>();
        f.get("values").forEach(v -> set.add(v.isNull() ? null : v.asText()));
        return valueSet(set);
      }
      case "equals":
        return equality(f.get("matchValueType").asText().toUpperCase(Locale.ROOT), f.get("matchValue"));
      case "inType": {
        List<Leaf> each = new ArrayList<>();
        boolean matchesNull = false;
        for (JsonNode v : f.has("values") ? f.get("values") : f.get("sortedValues")) {
          if (v.isNull()) {
            matchesNull = true;
          } else {
            each.add(equality(f.get("matchValueType").asText().toUpperCase(Locale.ROOT), v));
          }
        }
        boolean nullMatches = matchesNull;
        return new Leaf() {
          public T str(String v) {
            return v == null ? (nullMatches ? T.TRUE : T.UNKNOWN)
                : of(each.stream().anyMatch(l -> l.str(v) == T.TRUE));
          }

          public T num(Number v) {
            return of(each.stream().anyMatch(l -> l.num(v) == T.TRUE));
          }

          public T numNull() {
            return nullMatches ? T.TRUE : T.UNKNOWN;
          }
        };
      }
      case "arrayContainsElement":
        if (f.get("elementMatchValue").isNull()) {
          return leafFor("null", f);
        }
        return equality(f.get("elementMatchValueType").asText().toUpperCase(Locale.ROOT), f.get("elementMatchValue"));
      case "null":
        return new Leaf() {
          public T str(String v) {
            return of(v == null);
          }

          public T num(Number v) {
            return T.FALSE;
          }

          public T numNull() {
            return T.TRUE;
          }
        };
      case "range":
        return range(f);
      case "bound":
        return bound(f);
      case "like":
        return textual(v -> like(v, f.get("pattern").asText(),
            f.has("escape") && !f.get("escape").isNull() ? f.get("escape").asText().charAt(0) : null));
      case "regex": {
        Pattern p = Pattern.compile(f.get("pattern").asText());
        return textual(v -> p.matcher(v).find());
      }
      case "search":
        return textual(v -> search(f.get("query"), v));
      default:
        throw new IllegalArgumentException("oracle does not know filter " + f);
    }
  }

  private static Leaf valueSet(List<String> set) {
    return new Leaf() {
      public T str(String v) {
        return set.contains(v) ? T.TRUE : v == null ? T.UNKNOWN : T.FALSE;
      }

      public T num(Number v) {
        for (String s : set) {
          BigDecimal b = parse(s);
          if (b != null && b.compareTo(new BigDecimal(v.toString())) == 0) {
            return T.TRUE;
          }
        }
        return T.FALSE;
      }
    };
  }

  private static Leaf equality(String type, JsonNode value) {
    BigDecimal number = value.isNumber() ? value.decimalValue() : parse(value.asText());
    String text;
    if (type.equals("STRING")) {
      text = value.asText();
    } else if (type.equals("LONG")) {
      number = number == null ? null : BigDecimal.valueOf(number.longValue());
      text = number == null ? null : number.toPlainString();
    } else {
      text = number == null ? null : String.valueOf(number.doubleValue());
    }
    BigDecimal n = number;
    return new Leaf() {
      public T str(String v) {
        return v == null ? T.UNKNOWN : of(v.equals(text));
      }

      public T num(Number v) {
        return of(n != null && n.compareTo(new BigDecimal(v.toString())) == 0);
      }

      public T numNull() {
        return T.UNKNOWN;
      }
    };
  }

  private static Leaf range(JsonNode f) {
    String type = f.get("matchValueType").asText().toUpperCase(Locale.ROOT);
    boolean numeric = !type.equals("STRING");
    String lower = boundText(f.get("lower"), type);
    String upper = boundText(f.get("upper"), type);
    boolean lowerOpen = f.path("lowerOpen").asBoolean(false);
    boolean upperOpen = f.path("upperOpen").asBoolean(false);
    Comparator<String> order = numeric ? FilterOracle::numericOrder : Comparator.naturalOrder();
    return new Leaf() {
      public T str(String v) {
        if (v == null) {
          return T.UNKNOWN;
        }
        return of(within(lower == null ? 1 : order.compare(v, lower), lowerOpen,
            upper == null ? 1 : order.compare(upper, v), upperOpen));
      }

      public T num(Number v) {
        if (!numeric) {
          return str(String.valueOf(v));
        }
        BigDecimal x = new BigDecimal(v.toString());
        return of(within(lower == null ? 1 : x.compareTo(new BigDecimal(lower)), lowerOpen,
            upper == null ? 1 : new BigDecimal(upper).compareTo(x), upperOpen));
      }

      public T numNull() {
        return T.UNKNOWN;
      }
    };
  }

  private static String boundText(JsonNode b, String type) {
    if (b == null || b.isNull()) {
      return null;
    }
    if (type.equals("STRING")) {
      return b.asText();
    }
    BigDecimal n = b.isNumber() ? b.decimalValue() : new BigDecimal(b.asText());
    return type.equals("LONG") ? String.valueOf(n.longValue()) : String.valueOf(n.doubleValue());
  }

  /** Marks the {@code bound} leaf: its numeric nulls are unknown even with an extraction function. */
  private abstract static class BoundLeaf implements Leaf {
    @Override
    public T numNull() {
      return T.UNKNOWN;
    }
  }

  private static Leaf bound(JsonNode f) {
    String lower = f.has("lower") && !f.get("lower").isNull() ? f.get("lower").asText() : null;
    String upper = f.has("upper") && !f.get("upper").isNull() ? f.get("upper").asText() : null;
    boolean lowerStrict = f.path("lowerStrict").asBoolean(false);
    boolean upperStrict = f.path("upperStrict").asBoolean(false);
    JsonNode o = f.get("ordering");
    String ordering = o == null ? "lexicographic" : o.isObject() ? o.get("type").asText() : o.asText();
    Comparator<String> order = switch (ordering) {
      case "numeric" -> FilterOracle::numericOrder;
      case "strlen" -> Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());
      case "alphanumeric" -> StringComparators.ALPHANUMERIC;
      case "version" -> StringComparators.VERSION;
      default -> Comparator.naturalOrder();
    };
    if (ordering.equals("numeric")) {
      return numericBound(lower, lowerStrict, upper, upperStrict);
    }
    return new BoundLeaf() {
      public T str(String v) {
        if (v == null) {
          return of(lower == null);
        }
        return of(within(lower == null ? 1 : order.compare(v, lower), lowerStrict,
            upper == null ? 1 : order.compare(upper, v), upperStrict));
      }

      public T num(Number v) {
        return str(String.valueOf(v));
      }
    };
  }

  private static Leaf numericBound(String lower, boolean lowerStrict, String upper, boolean upperStrict) {
    return new BoundLeaf() {
      public T str(String v) {
        if (v == null) {
          return of(lower == null);
        }
        return of(within(lower == null ? 1 : numericOrder(v, lower), lowerStrict,
            upper == null ? 1 : numericOrder(upper, v), upperStrict));
      }

      public T num(Number v) {
        return str(new BigDecimal(v.toString()).toPlainString());
      }
    };
  }

  private static boolean within(int lowerCmp, boolean lowerOpen, int upperCmp, boolean upperOpen) {
    return (lowerOpen ? lowerCmp > 0 : lowerCmp >= 0) && (upperOpen ? upperCmp > 0 : upperCmp >= 0);
  }

  /** Druid's {@code numeric} order for non-null strings: numbers by value after all non-numbers. */
  static int numericOrder(String a, String b) {
    BigDecimal x = parse(a);
    BigDecimal y = parse(b);
    if (x != null && y != null) {
      return x.compareTo(y);
    }
    if (x == null && y == null) {
      return a.compareTo(b);
    }
    return x == null ? -1 : 1;
  }

  private static BigDecimal parse(String s) {
    if (s == null) {
      return null;
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException ex) {
      return null;
    }
  }

  private interface TextTest {
    boolean test(String v);
  }

  /** A test on text: null unknown, numbers by their text. */
  private static Leaf textual(TextTest test) {
    return new Leaf() {
      public T str(String v) {
        return v == null ? T.UNKNOWN : of(test.test(v));
      }

      public T num(Number v) {
        return str(String.valueOf(v));
      }
    };
  }

  /** SQL LIKE by recursion over the pattern, without regular expressions. */
  static boolean like(String v, String pattern, Character escape) {
    return like(v, 0, pattern, 0, escape);
  }

  private static boolean like(String v, int i, String p, int j, Character escape) {
    if (j == p.length()) {
      return i == v.length();
    }
    char c = p.charAt(j);
    if (escape != null && c == escape) {
      if (j + 1 == p.length()) {
        return i == v.length();
      }
      return i < v.length() && v.charAt(i) == p.charAt(j + 1) && like(v, i + 1, p, j + 2, escape);
    }
    if (c == '%') {
      for (int k = i; k <= v.length(); k++) {
        if (like(v, k, p, j + 1, escape)) {
          return true;
        }
      }
      return false;
    }
    if (c == '_') {
      return i < v.length() && like(v, i + 1, p, j + 1, escape);
    }
    return i < v.length() && v.charAt(i) == c && like(v, i + 1, p, j + 1, escape);
  }

  private static boolean search(JsonNode q, String v) {
    String type = q.get("type").asText();
    boolean caseSensitive = q.path("caseSensitive").asBoolean(false) && !type.equals("insensitive_contains");
    List<String> needles = new ArrayList<>();
    if (type.equals("fragment")) {
      q.get("values").forEach(n -> needles.add(n.asText()));
    } else {
      needles.add(q.get("value").asText());
    }
    for (String n : needles) {
      boolean found = caseSensitive ? v.contains(n)
          : v.toLowerCase(Locale.ROOT).contains(n.toLowerCase(Locale.ROOT));
      if (!found) {
        return false;
      }
    }
    return true;
  }

  private static T columnComparison(JsonNode f, Map<String, Object> e) {
    List<List<String>> seen = new ArrayList<>();
    for (JsonNode spec : f.get("dimensions")) {
      String column = spec.isTextual() ? spec.asText() : spec.get("dimension").asText();
      JsonNode fn = spec.isObject() ? spec.get("extractionFn") : null;
      List<String> values = new ArrayList<>();
      if (column.equals("__time") || FilterTestData.NUMBERS.contains(column)) {
        Number n = FilterTestData.number(e, column);
        values.add(n == null ? null : String.valueOf(n));
      } else {
        values.addAll(FilterTestData.STRINGS.contains(column) ? FilterTestData.strings(e, column)
            : Arrays.asList((String) null));
      }
      if (fn != null) {
        values.replaceAll(v -> extract(fn, v));
      }
      for (List<String> earlier : seen) {
        if (values.stream().noneMatch(earlier::contains)) {
          return T.FALSE;
        }
      }
      seen.add(values);
    }
    return T.TRUE;
  }
}
