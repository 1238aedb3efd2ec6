package io.kafkaindexing.query.ordering;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Druid's string orderings, by JSON name (any letter case). All put null first.
 * <ul>
 *   <li>{@code lexicographic}: {@link String#compareTo} (UTF-16 code units);</li>
 *   <li>{@code strlen}: shorter first, then lexicographic;</li>
 *   <li>{@code numeric}: by numeric value; values that are not numbers come before numbers and
 *       are ordered lexicographically among themselves;</li>
 *   <li>{@code alphanumeric}: "natural" order, see {@link AlphanumericComparator};</li>
 *   <li>{@code version}: Maven-style version order, see {@link VersionComparator}.</li>
 * </ul>
 * Stateless.
 */
public final class StringComparators {
  public static final StringComparator LEXICOGRAPHIC =
      named("lexicographic", Comparator.nullsFirst(Comparator.<String>naturalOrder()));
  public static final StringComparator STRLEN = named("strlen",
      Comparator.nullsFirst(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder())));
  public static final StringComparator NUMERIC = named("numeric", Comparator.nullsFirst(StringComparators::numeric));
  public static final StringComparator ALPHANUMERIC = new AlphanumericComparator();
  public static final StringComparator VERSION = new VersionComparator();

  private static final List<StringComparator> ALL = List.of(LEXICOGRAPHIC, ALPHANUMERIC, NUMERIC, STRLEN, VERSION);

  private StringComparators() {}

  /**
   * The ordering named {@code name}, any letter case.
   *
   * @throws IllegalArgumentException naming the accepted names
   */
  public static StringComparator fromName(String name) {
    String lower = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (StringComparator c : ALL) {
      if (c.name().equals(lower)) {
        return c;
      }
    }
    throw new IllegalArgumentException("Unknown ordering[" + name
        + "]: expected one of lexicographic, alphanumeric, numeric, strlen, version");
  }

  private static int numeric(String a, String b) {
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
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static StringComparator named(String name, Comparator<String> order) {
    return new StringComparator() {
      @Override
      public int compare(String a, String b) {
        return order.compare(a, b);
      }

      @Override
      public String name() {
        return name;
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}
