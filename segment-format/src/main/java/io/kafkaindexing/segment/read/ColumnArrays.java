package io.kafkaindexing.segment.read;

import org.joda.time.Interval;

/**
 * Whole columns of a segment decoded into primitive arrays, for per-segment kernels that loop over
 * arrays instead of reading row by row through selectors. Offered only by segments whose rows are
 * immutable and stored in time order (persisted segments) and only while decoded columns may be
 * cached (see {@link SegmentView#columnArrays()}). Arrays are shared: callers must not change them.
 * Each method returns null when the column cannot be given in that form (absent, another type,
 * multi-value...), so the caller falls back to the row-at-a-time path. Thread-safe.
 */
public interface ColumnArrays {
  /** {@code [first, end)} row ids whose time is in {@code interval} (rows are in time order). */
  int[] rowRange(Interval interval);

  /** Every row's time ({@link ColumnNames#TIME}), ascending. */
  long[] times();

  /** The number of rows (the length of every array given). */
  int numRows();

  /** The last row's time, the highest (read without decoding the time column); the segment must have rows. */
  long lastTime();

  /** True when {@code column} is a stored numeric column, which {@link #longs} and the others accept. */
  boolean isNumeric(String column);

  /**
   * A numeric column's values as its selector's {@code getLong()} gives them (float and double
   * values cast); a null row holds 0. Null if the column is not numeric.
   */
  long[] longs(String column);

  /** As {@link #longs} with {@code getDouble()}. */
  double[] doubles(String column);

  /** As {@link #longs} with {@code getFloat()}. */
  float[] floats(String column);

  /**
   * {@link BlockSums#ofLongs} of {@link #longs}; null if the column is not numeric. Kept with the
   * segment once computed (8 bytes per 1,024 rows), so asking again decodes nothing.
   */
  long[] longBlockSums(String column);

  /**
   * {@link BlockSums#ofWholeDoubles} of {@link #doubles}; null if the column is not numeric or its
   * double sums are not exact in any order. Kept with the segment as {@link #longBlockSums} is.
   */
  long[] wholeDoubleBlockSums(String column);

  /**
   * The null rows of a numeric column as a bit set (bit {@code r % 64} of word {@code r / 64}), or
   * null when no row is null. Only meaningful for columns {@link #longs} accepts.
   */
  long[] nullRows(String column);

  /** Each row's dictionary id of a single-value dictionary-encoded string column; null otherwise. */
  int[] dictionaryIds(String column);

  /** The dictionary size of a column {@link #dictionaryIds} accepts. */
  int cardinality(String column);

  /** The value of dictionary id {@code id} of such a column (null for the null value or a negative id). */
  String lookupName(String column, int id);
}
