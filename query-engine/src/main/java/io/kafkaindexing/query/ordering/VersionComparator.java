package io.kafkaindexing.query.ordering;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Version order ({@code version}), following Maven's version comparison: a version is cut at
 * {@code .} and {@code -} and where digits meet letters; numeric parts compare as numbers,
 * qualifiers in the order {@code alpha < beta < milestone < rc = cr < snapshot < "" = ga = final =
 * release < sp}, then unknown qualifiers alphabetically; a number is greater than a qualifier;
 * missing parts count as 0 or "" ({@code 1.0 = 1}). {@code a}, {@code b}, {@code m} directly
 * followed by a digit mean alpha, beta, milestone. Null first. This is a flat simplification of
 * Maven's nested list items: it agrees on ordinary versions. Stateless.
 */
final class VersionComparator implements StringComparator {
  private static final List<String> QUALIFIERS = List.of("alpha", "beta", "milestone", "rc", "snapshot", "", "sp");

  @Override
  public String name() {
    return "version";
  }

  @Override
  public int compare(String a, String b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    List<Object> x = parse(a);
    List<Object> y = parse(b);
    for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
      int c = compareItems(i < x.size() ? x.get(i) : null, i < y.size() ? y.get(i) : null);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** Items are BigInteger or qualifier String; null is a missing item. */
  private static int compareItems(Object p, Object q) {
    if (p instanceof BigInteger m && q instanceof BigInteger n) {
      return m.compareTo(n);
    }
    if (p instanceof BigInteger m) {
      return q == null ? m.signum() : 1;
    }
    if (q instanceof BigInteger n) {
      return p == null ? -n.signum() : -1;
    }
    return qualifierKey(p == null ? "" : (String) p).compareTo(qualifierKey(q == null ? "" : (String) q));
  }

  private static String qualifierKey(String qualifier) {
    int rank = QUALIFIERS.indexOf(qualifier);
    return rank >= 0 ? rank + "" : QUALIFIERS.size() + "-" + qualifier;
  }

  private static List<Object> parse(String version) {
    String v = version.toLowerCase(Locale.ROOT);
    List<Object> items = new ArrayList<>();
    int i = 0;
    while (i < v.length()) {
      char c = v.charAt(i);
      if (c == '.' || c == '-' || c == '_') {
        i++;
        continue;
      }
      int start = i;
      boolean digits = Character.isDigit(c);
      while (i < v.length() && v.charAt(i) != '.' && v.charAt(i) != '-' && v.charAt(i) != '_'
          && Character.isDigit(v.charAt(i)) == digits) {
        i++;
      }
      String part = v.substring(start, i);
      boolean followedByDigit = i < v.length() && Character.isDigit(v.charAt(i));
      items.add(digits ? new BigInteger(part) : normalize(part, followedByDigit));
    }
    while (!items.isEmpty() && isNullItem(items.get(items.size() - 1))) {
      items.remove(items.size() - 1);
    }
    return items;
  }

  private static String normalize(String q, boolean followedByDigit) {
    if (followedByDigit && q.length() == 1) {
      switch (q) {
        case "a":
          return "alpha";
        case "b":
          return "beta";
        case "m":
          return "milestone";
        default:
          break;
      }
    }
    switch (q) {
      case "ga":
      case "final":
      case "release":
        return "";
      case "cr":
        return "rc";
      default:
        return q;
    }
  }

  private static boolean isNullItem(Object item) {
    return item instanceof BigInteger n ? n.signum() == 0 : "".equals(item);
  }

  @Override
  public String toString() {
    return name();
  }
}
