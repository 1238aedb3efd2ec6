package io.kafkaindexing.query.filter;

import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.segment.column.ValueType;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The typed match values of {@code equals} and {@code range}: reading {@code matchValueType} and
 * casting a JSON value to it as Druid's expression values cast ({@code LONG} truncates a fraction,
 * {@code FLOAT} is held as a double, a number given for {@code STRING} becomes its text). Stateless.
 */
final class MatchValues {
  private MatchValues() {}

  /** The scalar type named by {@code matchValueType}; arrays and complex types are rejected. */
  static ValueType type(String filterType, String column, String name) {
    return type(filterType, column, name, "matchValueType");
  }

  /** As {@link #type(String, String, String)}, for a type given in the field {@code field}. */
  static ValueType type(String filterType, String column, String name, String field) {
    if (name == null || name.isBlank()) {
      throw DruidException.invalidInput("Filter of type[%s] on column[%s] needs a field[%s]",
          filterType, column, field);
    }
    String upper = name.trim().toUpperCase(Locale.ROOT);
    if (upper.equals("STRING") || upper.equals("LONG") || upper.equals("FLOAT") || upper.equals("DOUBLE")) {
      return ValueType.valueOf(upper);
    }
    throw DruidException.invalidInput("Filter of type[%s] on column[%s] has an unsupported field[%s] "
        + "value[%s]: expected STRING, LONG, FLOAT or DOUBLE", filterType, column, field, name);
  }

  /**
   * {@code raw} cast to {@code type}: a String for STRING, a Long for LONG, a Double for FLOAT and
   * DOUBLE; null when {@code raw} is null or does not convert.
   */
  static Object cast(ValueType type, Object raw, String filterType, String field) {
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof String || raw instanceof Number || raw instanceof Boolean)) {
      throw DruidException.invalidInput("Filter of type[%s] needs a scalar field[%s], got[%s]", filterType, field, raw);
    }
    if (type == ValueType.STRING) {
      return raw instanceof String s ? s : String.valueOf(raw);
    }
    BigDecimal n = raw instanceof Number num ? Numbers.toBigDecimal(num) : Numbers.parse(String.valueOf(raw));
    if (n == null) {
      boolean floating = raw instanceof Double || raw instanceof Float;
      return type != ValueType.LONG && floating ? (Object) ((Number) raw).doubleValue() : null;
    }
    return type == ValueType.LONG ? (Object) n.longValue() : (Object) n.doubleValue();
  }

  /** A cast match value as text, as Druid's expression values print ({@code 5}, {@code 5.0}). */
  static String text(Object cast) {
    return cast == null ? null : cast instanceof String s ? s : String.valueOf(cast);
  }

  /** A cast match value as an exact number; null when it is not a finite number. */
  static BigDecimal number(Object cast) {
    if (cast instanceof Number n) {
      return Numbers.toBigDecimal(n);
    }
    return Numbers.parse((String) cast);
  }
}
