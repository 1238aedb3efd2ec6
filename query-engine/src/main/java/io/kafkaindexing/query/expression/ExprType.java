package io.kafkaindexing.query.expression;

import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.segment.column.ValueType;
import java.util.Locale;

/** The value types of Druid's expression language: {@code LONG}, {@code DOUBLE} and {@code STRING}. */
public enum ExprType {
  LONG, DOUBLE, STRING;

  /** The expression type of a column type; FLOAT reads as DOUBLE, COMPLEX as STRING. */
  public static ExprType of(ValueType type) {
    if (type == null) {
      return null;
    }
    return switch (type) {
      case LONG -> LONG;
      case FLOAT, DOUBLE -> DOUBLE;
      default -> STRING;
    };
  }

  /** The column type a value of this type is stored or reported as. */
  public ValueType valueType() {
    return switch (this) {
      case LONG -> ValueType.LONG;
      case DOUBLE -> ValueType.DOUBLE;
      case STRING -> ValueType.STRING;
    };
  }

  /** Parses a type name as {@code cast} takes it (case-insensitive). */
  public static ExprType fromName(String name, String what) {
    String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
    return switch (n) {
      case "LONG" -> LONG;
      case "DOUBLE" -> DOUBLE;
      case "STRING" -> STRING;
      default -> throw DruidException.invalidInput("Unknown type[%s] in %s: expected LONG, DOUBLE or STRING",
          name, what);
    };
  }

  /**
   * The type of a binary arithmetic result: STRING when both are strings, LONG when both are longs,
   * DOUBLE otherwise; an unknown (null) side takes the other side's type.
   */
  static ExprType operator(ExprType a, ExprType b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    if (a == STRING && b == STRING) {
      return STRING;
    }
    return a == LONG && b == LONG ? LONG : DOUBLE;
  }

  /** The common type of values that may each be the result (if/case/nvl): any STRING makes STRING. */
  static ExprType common(ExprType a, ExprType b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    if (a == STRING || b == STRING) {
      return STRING;
    }
    return a == LONG && b == LONG ? LONG : DOUBLE;
  }
}
