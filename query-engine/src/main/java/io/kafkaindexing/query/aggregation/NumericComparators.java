package io.kafkaindexing.query.aggregation;

import java.util.Comparator;

/** Comparators of computed values. Stateless. */
final class NumericComparators {
  /** Numbers by value (longs exactly), other comparables naturally; nulls first. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static final Comparator<Object> NATURAL_NULLS_FIRST = Comparator.nullsFirst((a, b) -> {
    if (a instanceof Number x && b instanceof Number y) {
      if ((x instanceof Long || x instanceof Integer) && (y instanceof Long || y instanceof Integer)) {
        return Long.compare(x.longValue(), y.longValue());
      }
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    return ((Comparable) a).compareTo(b);
  });

  private NumericComparators() {}
}
