package io.kafkaindexing.query.filter;

import io.kafkaindexing.segment.column.ValueType;

/**
 * How a filter judges one value of a column. Not thread-safe unless stated by the implementation
 * (the ones here are stateless).
 */
public interface ValuePredicate {
  /** The truth for a string value; null stands for a null or missing value. */
  Tri applyString(String value);

  /**
   * The truth for a non-null value of a numeric column of type {@code type}; by default its string
   * form ({@code String.valueOf}: a long 5 is {@code "5"}, a double {@code "5.0"}).
   */
  default Tri applyNumber(Number value, ValueType type) {
    return applyString(String.valueOf(value));
  }
}
