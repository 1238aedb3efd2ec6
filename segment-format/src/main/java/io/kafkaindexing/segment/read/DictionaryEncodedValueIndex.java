package io.kafkaindexing.segment.read;

import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * The dictionary of a string column with a bitmap of row ids per value: the row ids whose value (or
 * one of whose values, for multi-value rows) is the value. Null is a value of its own when some
 * row is null or missing; {@code ""} is distinct from null. Ids are dense {@code 0..cardinality-1};
 * they follow value order only when {@link #isSorted()}. Valid while its view is open; the returned
 * bitmaps must not be modified.
 */
public interface DictionaryEncodedValueIndex {
  int getCardinality();

  /** The value of {@code id}; null for the null value. */
  String getValue(int id);

  /** The id of {@code value} (null allowed), or -1 when no row has it. */
  int getId(String value);

  /** The rows holding value {@code id}; empty for an unknown id. */
  ImmutableRoaringBitmap getBitmap(int id);

  /** True when ids are in lexicographic value order (null first), as in persisted segments. */
  boolean isSorted();

  /**
   * The ids, ascending, of values that may contain the ASCII {@code needle} (case-sensitively or
   * ignoring ASCII case), a superset of those that do, found without decoding every value; null
   * when this index cannot tell (the default: test every value).
   */
  default int[] containsAsciiCandidates(String needle, boolean ignoreCase) {
    return null;
  }
}
