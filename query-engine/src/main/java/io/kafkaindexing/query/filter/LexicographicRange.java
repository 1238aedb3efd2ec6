package io.kafkaindexing.query.filter;

import io.kafkaindexing.segment.read.DictionaryEncodedValueIndex;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/**
 * A run of non-null values in lexicographic (Java {@code String}) order between optional bounds:
 * what a {@code bound} with lexicographic ordering or a {@code range} on strings selects. On a
 * sorted dictionary the run is found by binary search instead of testing every value. Immutable.
 */
record LexicographicRange(String lower, boolean lowerOpen, String upper, boolean upperOpen) {
  /** The rows holding a value of the run, from a sorted dictionary (nulls not included). */
  MutableRoaringBitmap rows(DictionaryEncodedValueIndex index) {
    int cardinality = index.getCardinality();
    int firstValue = cardinality > 0 && index.getValue(0) == null ? 1 : 0;
    int from = lower == null ? firstValue : firstAfter(index, firstValue, cardinality, lower, lowerOpen);
    int to = upper == null ? cardinality : firstAfter(index, firstValue, cardinality, upper, !upperOpen);
    MutableRoaringBitmap rows = new MutableRoaringBitmap();
    for (int id = from; id < to; id++) {
      rows.or(index.getBitmap(id));
    }
    return rows;
  }

  /** The first id in {@code [lo, hi)} whose value is above {@code key} (or at least {@code key} unless strict). */
  private static int firstAfter(DictionaryEncodedValueIndex index, int lo, int hi, String key, boolean strict) {
    int low = lo;
    int high = hi;
    while (low < high) {
      int mid = (low + high) >>> 1;
      int c = index.getValue(mid).compareTo(key);
      if (c > 0 || (c == 0 && !strict)) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }
}
