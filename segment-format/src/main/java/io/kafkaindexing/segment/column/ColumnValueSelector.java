package io.kafkaindexing.segment.column;

/**
 * Reads one column's value at the current position of whatever drives it (an input row during
 * ingestion, a cursor during a query). Numeric getters on a null value return 0; check
 * {@link #isNull()} first where null matters (SQL-compatible null handling). Not thread-safe: a
 * selector belongs to the thread that made it.
 */
public interface ColumnValueSelector {
  long getLong();

  double getDouble();

  default float getFloat() {
    return (float) getDouble();
  }

  /** True when the value is null (missing, or not a number for numeric reads). */
  boolean isNull();

  /** The value as an object: String, Long, Double, Float, a List of Strings, or null. */
  Object getObject();
}
