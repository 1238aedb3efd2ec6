package io.kafkaindexing.query.expression;

import java.util.List;
import java.util.Objects;

/**
 * One typed value computed by an expression: a {@link ExprType} and a Long, Double, String or null.
 * A null keeps a type (a null from a long column is a LONG null). Conversions follow Druid: a
 * string reads as a number when it parses as one (else it is a "numeric null"), numbers print as
 * {@code String.valueOf} does ({@code 1}, {@code 1.0}), and a value is true when it is a number
 * above 0 or the string {@code true} (any case). Immutable.
 */
public final class ExprValue {
  public static final ExprValue NULL_STRING = new ExprValue(ExprType.STRING, null);
  public static final ExprValue NULL_LONG = new ExprValue(ExprType.LONG, null);
  public static final ExprValue NULL_DOUBLE = new ExprValue(ExprType.DOUBLE, null);
  private static final ExprValue TRUE = new ExprValue(ExprType.LONG, 1L);
  private static final ExprValue FALSE = new ExprValue(ExprType.LONG, 0L);

  private final ExprType type;
  private final Object value;

  private ExprValue(ExprType type, Object value) {
    this.type = type;
    this.value = value;
  }

  public static ExprValue ofLong(Long value) {
    return value == null ? NULL_LONG : new ExprValue(ExprType.LONG, value);
  }

  public static ExprValue ofDouble(Double value) {
    return value == null ? NULL_DOUBLE : new ExprValue(ExprType.DOUBLE, value);
  }

  public static ExprValue ofString(String value) {
    return value == null ? NULL_STRING : new ExprValue(ExprType.STRING, value);
  }

  /** Druid's strict booleans: LONG 1 or 0. */
  public static ExprValue ofBoolean(boolean value) {
    return value ? TRUE : FALSE;
  }

  /** A null of {@code type} (STRING when unknown). */
  public static ExprValue nullOf(ExprType type) {
    if (type == null) {
      return NULL_STRING;
    }
    return switch (type) {
      case LONG -> NULL_LONG;
      case DOUBLE -> NULL_DOUBLE;
      case STRING -> NULL_STRING;
    };
  }

  /**
   * The value of a raw row or column value: integral numbers are LONG, other numbers DOUBLE,
   * booleans LONG 1/0, strings STRING, a one-element list its element; null, an empty list, a
   * list of several values (multi-value rows) and other objects are a STRING null.
   */
  public static ExprValue bestEffortOf(Object raw) {
    if (raw == null) {
      return NULL_STRING;
    }
    if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
      return ofLong(((Number) raw).longValue());
    }
    if (raw instanceof Number n) {
      return ofDouble(n.doubleValue());
    }
    if (raw instanceof String s) {
      return ofString(s);
    }
    if (raw instanceof Boolean b) {
      return ofBoolean(b);
    }
    if (raw instanceof List<?> list && list.size() == 1) {
      return bestEffortOf(list.get(0));
    }
    return NULL_STRING;
  }

  public ExprType type() {
    return type;
  }

  /** The value: Long, Double, String or null. */
  public Object value() {
    return value;
  }

  public boolean isNull() {
    return value == null;
  }

  /** The value as a number, or null when it is null or a string that is not a number. */
  public Number asNumber() {
    if (value instanceof Number n) {
      return n;
    }
    if (value instanceof String s) {
      return parseNumber(s);
    }
    return null;
  }

  /** True when the value has no numeric reading (null, or a string that is not a number). */
  public boolean isNumericNull() {
    return asNumber() == null;
  }

  /** The value as a long (doubles truncate); 0 for a numeric null. */
  public long asLong() {
    Number n = asNumber();
    return n == null ? 0L : n.longValue();
  }

  /** The value as a double; 0 for a numeric null. */
  public double asDouble() {
    Number n = asNumber();
    return n == null ? 0d : n.doubleValue();
  }

  /** The value as a string; null for null. */
  public String asString() {
    return value == null ? null : String.valueOf(value);
  }

  /** True for a number above 0 or the string {@code true} in any case; false for null. */
  public boolean asBoolean() {
    if (value instanceof Long l) {
      return l > 0;
    }
    if (value instanceof Double d) {
      return d > 0;
    }
    return value instanceof String s && Boolean.parseBoolean(s);
  }

  /** This value converted to {@code target}, as {@code cast} does: a string that is not a number casts to null. */
  public ExprValue castTo(ExprType target) {
    if (target == type) {
      return this;
    }
    return switch (target) {
      case STRING -> ofString(asString());
      case LONG -> isNumericNull() ? NULL_LONG : ofLong(asLong());
      case DOUBLE -> isNumericNull() ? NULL_DOUBLE : ofDouble(asDouble());
    };
  }

  /** A long when the string is an integer, else a double when it parses as one, else null. */
  static Number parseNumber(String s) {
    String t = s;
    if (t.isEmpty() || Character.isWhitespace(t.charAt(0)) || Character.isWhitespace(t.charAt(t.length() - 1))) {
      return null;
    }
    try {
      return Long.parseLong(t);
    } catch (NumberFormatException e) {
      // not an integer; try a decimal below
    }
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExprValue that && type == that.type && Objects.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, value);
  }

  @Override
  public String toString() {
    return type + ":" + value;
  }
}
