package io.kafkaindexing.segment.aggregation;

import io.kafkaindexing.segment.column.ValueType;
import java.util.Comparator;

/**
 * The simple numeric metrics: a value type ({@code long}, {@code double}, {@code float}) and an
 * operation (sum, min, max), with the JSON type name Druid gives each ({@code longSum}...).
 * Stateless.
 */
public enum NumericKind {
  LONG_SUM("longSum", ValueType.LONG, Op.SUM),
  LONG_MIN("longMin", ValueType.LONG, Op.MIN),
  LONG_MAX("longMax", ValueType.LONG, Op.MAX),
  DOUBLE_SUM("doubleSum", ValueType.DOUBLE, Op.SUM),
  DOUBLE_MIN("doubleMin", ValueType.DOUBLE, Op.MIN),
  DOUBLE_MAX("doubleMax", ValueType.DOUBLE, Op.MAX),
  FLOAT_SUM("floatSum", ValueType.FLOAT, Op.SUM),
  FLOAT_MIN("floatMin", ValueType.FLOAT, Op.MIN),
  FLOAT_MAX("floatMax", ValueType.FLOAT, Op.MAX);

  /** How two values fold into one. */
  enum Op { SUM, MIN, MAX }

  private final String typeName;
  private final ValueType type;
  private final Op op;

  NumericKind(String typeName, ValueType type, Op op) {
    this.typeName = typeName;
    this.type = type;
    this.op = op;
  }

  public String typeName() {
    return typeName;
  }

  public ValueType type() {
    return type;
  }

  Op op() {
    return op;
  }

  long fold(long a, long b) {
    return switch (op) {
      case SUM -> a + b;
      case MIN -> Math.min(a, b);
      case MAX -> Math.max(a, b);
    };
  }

  double fold(double a, double b) {
    return switch (op) {
      case SUM -> a + b;
      case MIN -> Math.min(a, b);
      case MAX -> Math.max(a, b);
    };
  }

  float fold(float a, float b) {
    return switch (op) {
      case SUM -> a + b;
      case MIN -> Math.min(a, b);
      case MAX -> Math.max(a, b);
    };
  }

  /** Combines two intermediate values of this kind; a null side is ignored. */
  Object combine(Object lhs, Object rhs) {
    if (lhs == null) {
      return rhs == null ? null : box(rhs);
    }
    if (rhs == null) {
      return box(lhs);
    }
    Number a = (Number) lhs;
    Number b = (Number) rhs;
    return switch (type) {
      case LONG -> fold(a.longValue(), b.longValue());
      case FLOAT -> fold(a.floatValue(), b.floatValue());
      default -> fold(a.doubleValue(), b.doubleValue());
    };
  }

  private Object box(Object v) {
    Number n = (Number) v;
    return switch (type) {
      case LONG -> n.longValue();
      case FLOAT -> n.floatValue();
      default -> n.doubleValue();
    };
  }

  Comparator<Object> comparator() {
    return Comparator.nullsFirst((Object a, Object b) -> type == ValueType.LONG
        ? Long.compare(((Number) a).longValue(), ((Number) b).longValue())
        : Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue()));
  }

  static String requireName(String name, String typeName) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("Aggregator of type[" + typeName + "] must have a non-empty name");
    }
    return name;
  }
}
