package io.kafkaindexing.segment.column;

/**
 * Makes selectors over the columns of the current row of an ingestion row stream or query cursor.
 * Aggregators are built against this interface so that ingestion rollup and query-time aggregation
 * share one implementation. Not thread-safe.
 */
public interface ColumnSelectorFactory {
  /** A selector for {@code column}; a missing column yields a selector that is always null. */
  ColumnValueSelector makeColumnValueSelector(String column);

  /**
   * A string view of {@code column}; a missing column yields a selector whose only value is null.
   * The default reads {@link #makeColumnValueSelector} and turns each value into a string
   * ({@code String.valueOf}), without a dictionary.
   */
  default DimensionSelector makeDimensionSelector(String column) {
    return new ObjectDimensionSelector(makeColumnValueSelector(column));
  }

  /** What {@code column} is, or null when unknown or absent. */
  default ColumnCapabilities getColumnCapabilities(String column) {
    return null;
  }
}
