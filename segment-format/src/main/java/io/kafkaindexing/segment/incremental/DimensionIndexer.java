package io.kafkaindexing.segment.incremental;

import io.kafkaindexing.segment.column.ColumnCapabilities;
import io.kafkaindexing.segment.column.ColumnValueSelector;
import io.kafkaindexing.segment.read.ColumnIndexSupplier;
import java.util.Collection;

/**
 * Ingests and serves one dimension of an {@link IncrementalIndex}: turns raw input values into the
 * encoded form stored in rows (write side) and makes selectors and indexes over stored rows (read
 * side). Not thread-safe: writes happen under the index's write lock, reads under a read lock.
 */
abstract class DimensionIndexer {
  private final String name;
  private final int position;

  DimensionIndexer(String name, int position) {
    this.name = name;
    this.position = position;
  }

  final String name() {
    return name;
  }

  /** Where this dimension's value sits in each row's encoded values. */
  final int position() {
    return position;
  }

  /**
   * The stored form of {@code raw} (null for null). Values that cannot be stored become null and a
   * message naming the dimension and value is added to {@code parseErrors}.
   */
  abstract Object encode(Object raw, Collection<String> parseErrors);

  /**
   * Orders two non-null encoded values of this dimension the way Druid's real-time rollup index
   * orders rows with equal times (by value, not by id).
   */
  abstract int compareEncoded(Object a, Object b);

  /** Called before a run of {@link #compareEncoded} calls, with no add in between. */
  void prepareCompare() {
    // nothing to prepare by default
  }

  /** Records that new row {@code rowId} holds {@code encoded} (for indexes). */
  abstract void index(int rowId, Object encoded);

  /** Called when the dimension is discovered after {@code rowCount} rows: they are all null. */
  abstract void backfillNulls(int rowCount);

  /** Heap bytes a new row's encoded value costs. */
  abstract long rowBytes(Object encoded);

  /** Heap bytes of dictionaries and indexes so far. */
  abstract long indexBytes();

  abstract ColumnCapabilities capabilities();

  /** A selector reading this dimension from the row {@code rows} points at. */
  abstract ColumnValueSelector makeSelector(RowPointer rows);

  /** This dimension's indexes, or null. */
  abstract ColumnIndexSupplier indexes();
}
