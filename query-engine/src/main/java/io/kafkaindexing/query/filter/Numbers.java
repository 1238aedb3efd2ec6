package io.kafkaindexing.query.filter;

import java.math.BigDecimal;

/** Exact numeric comparison helpers shared by filters. Stateless. */
final class Numbers {
  private Numbers() {}

  /** {@code s} as a number, or null when it is null or not a number. */
  static BigDecimal parse(String s) {
    if (s == null) {
      return null;
    }
    try {
      return new BigDecimal(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A finite number as a BigDecimal; null for NaN and infinities. */
  static BigDecimal toBigDecimal(Number n) {
    if (n instanceof Long || n instanceof Integer) {
      return BigDecimal.valueOf(n.longValue());
    }
    double d = n.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return null;
    }
    return n instanceof Float f ? new BigDecimal(Float.toString(f)) : BigDecimal.valueOf(d);
  }
}
