package io.kafkaindexing.segment.aggregation;

import io.kafkaindexing.segment.column.ColumnValueSelector;
import io.kafkaindexing.segment.column.ValueType;

/**
 * Sum, min or max of a long, double or float input, null until the first non-null input
 * (SQL-compatible). Not thread-safe.
 */
final class NumericAggregator implements Aggregator {
  private final NumericKind kind;
  private final ColumnValueSelector selector;
  private boolean hasValue;
  private long longValue;
  private double doubleValue;
  private float floatValue;

  NumericAggregator(NumericKind kind, ColumnValueSelector selector) {
    this.kind = kind;
    this.selector = selector;
  }

  @Override
  public void aggregate() {
    if (selector.isNull()) {
      return;
    }
    switch (kind.type()) {
      case LONG -> longValue = hasValue ? kind.fold(longValue, selector.getLong()) : selector.getLong();
      case FLOAT -> floatValue = hasValue ? kind.fold(floatValue, selector.getFloat()) : selector.getFloat();
      default -> doubleValue = hasValue ? kind.fold(doubleValue, selector.getDouble()) : selector.getDouble();
    }
    hasValue = true;
  }

  @Override
  public Object get() {
    if (!hasValue) {
      return null;
    }
    return switch (kind.type()) {
      case LONG -> longValue;
      case FLOAT -> floatValue;
      default -> doubleValue;
    };
  }

  @Override
  public boolean isNull() {
    return !hasValue;
  }

  @Override
  public long getLong() {
    return switch (kind.type()) {
      case LONG -> longValue;
      case FLOAT -> (long) floatValue;
      default -> (long) doubleValue;
    };
  }

  @Override
  public double getDouble() {
    return kind.type() == ValueType.LONG ? longValue : kind.type() == ValueType.FLOAT ? floatValue : doubleValue;
  }

  @Override
  public float getFloat() {
    return kind.type() == ValueType.FLOAT ? floatValue : (float) getDouble();
  }
}
