package io.kafkaindexing.segment.aggregation;

/**
 * Accumulates one metric for one group of rows, reading its input from the selector it was made
 * with each time {@link #aggregate()} is called. Null handling is SQL-compatible: an aggregator
 * that saw no non-null input is null (count never is). Not thread-safe; callers that read while
 * another thread aggregates must synchronize (see the incremental index).
 */
public interface Aggregator {
  /** Folds in the value at the selector's current position. */
  void aggregate();

  /** The current value as an object (Long, Double, Float) or null. */
  Object get();

  boolean isNull();

  long getLong();

  double getDouble();

  default float getFloat() {
    return (float) getDouble();
  }
}
