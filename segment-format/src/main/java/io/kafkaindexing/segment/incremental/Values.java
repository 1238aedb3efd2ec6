package io.kafkaindexing.segment.incremental;

import java.util.List;

/**
 * Converts raw input values (String, Number, Boolean, List...) to what columns store, with
 * SQL-compatible nulls: null and missing stay null, {@code ""} is an empty string for strings and
 * null for numbers. Stateless.
 */
final class Values {
  private Values() {}

  /** The string form of a single raw value: {@code String.valueOf}, null stays null. */
  static String toStringValue(Object raw) {
    return raw == null ? null : raw instanceof String s ? s : String.valueOf(raw);
  }

  /**
   * A raw value as a number: Numbers as they are, numeric strings parsed (as a Long when integral),
   * a one-element list as its element; null and {@code ""} give null.
   *
   * @throws IllegalArgumentException naming the value when it is not a number
   */
  static Number toNumber(Object raw) {
    if (raw == null) {
      return null;
    }
    if (raw instanceof Number n) {
      return n;
    }
    if (raw instanceof List<?> list && list.size() <= 1) {
      return list.isEmpty() ? null : toNumber(list.get(0));
    }
    if (raw instanceof String s) {
      String t = s.trim();
      if (t.isEmpty()) {
        return null;
      }
      try {
        return Long.parseLong(t);
      } catch (NumberFormatException e) {
        try {
          return Double.parseDouble(t);
        } catch (NumberFormatException e2) {
          throw new IllegalArgumentException("value[" + s + "] is not a number");
        }
      }
    }
    throw new IllegalArgumentException("value[" + raw + "] is not a number");
  }
}
