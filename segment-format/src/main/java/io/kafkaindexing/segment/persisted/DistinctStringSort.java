package io.kafkaindexing.segment.persisted;

import java.util.Arrays;

/**
 * Sorts distinct strings in {@link String#compareTo} order (the dictionary order of a persisted
 * column) mostly with a primitive sort: each string gets a key of the chars after the prefix all
 * share, packed into a {@code long} above its index (a char {@code c} as {@code c + 1}, 0 past the
 * end, the last packed char saturated to the bits left), so keys order as the strings do except
 * that strings agreeing on the packed chars tie; the {@code long}s are sorted and each run of tied
 * keys is then sorted by {@code compareTo}. Stateless.
 */
final class DistinctStringSort {
  private static final int CHAR_BITS = 17;

  private DistinctStringSort() {}

  /** Sorts {@code values} (distinct, non-null) in place. */
  static void sort(String[] values) {
    int n = values.length;
    if (n < 2) {
      return;
    }
    if (n >= 1 << 29) {
      Arrays.sort(values);
      return;
    }
    int prefix = commonPrefix(values);
    int indexBits = 32 - Integer.numberOfLeadingZeros(n - 1);
    int keyBits = 63 - indexBits;
    long[] packed = new long[n];
    for (int i = 0; i < n; i++) {
      packed[i] = key(values[i], prefix, keyBits) << indexBits | i;
    }
    Arrays.sort(packed);
    String[] in = values.clone();
    long indexMask = (1L << indexBits) - 1;
    for (int start = 0; start < n; ) {
      long key = packed[start] >>> indexBits;
      int end = start + 1;
      while (end < n && packed[end] >>> indexBits == key) {
        end++;
      }
      for (int i = start; i < end; i++) {
        values[i] = in[(int) (packed[i] & indexMask)];
      }
      if (end - start > 1) {
        sortRun(values, start, end);
      }
      start = end;
    }
  }

  /** The length of the prefix every value shares. */
  private static int commonPrefix(String[] values) {
    String first = values[0];
    int prefix = first.length();
    for (int i = 1; i < values.length && prefix > 0; i++) {
      String v = values[i];
      int limit = Math.min(prefix, v.length());
      int j = 0;
      while (j < limit && v.charAt(j) == first.charAt(j)) {
        j++;
      }
      prefix = j;
    }
    return prefix;
  }

  /** The chars of {@code s} from {@code from}, packed into {@code bits} bits (order-preserving, ties possible). */
  private static long key(String s, int from, int bits) {
    long key = 0;
    int left = bits;
    for (int j = from; left > 0; j++) {
      long c = j < s.length() ? s.charAt(j) + 1 : 0;
      if (left >= CHAR_BITS) {
        key = key << CHAR_BITS | c;
        left -= CHAR_BITS;
      } else {
        key = key << left | Math.min(c, (1L << left) - 1);
        left = 0;
      }
    }
    return key;
  }

  /** Sorts {@code values[start, end)} by {@code compareTo}: insertion sort for short runs. */
  private static void sortRun(String[] values, int start, int end) {
    if (end - start > 32) {
      Arrays.sort(values, start, end);
      return;
    }
    for (int i = start + 1; i < end; i++) {
      String v = values[i];
      int j = i - 1;
      while (j >= start && values[j].compareTo(v) > 0) {
        values[j + 1] = values[j];
        j--;
      }
      values[j + 1] = v;
    }
  }
}
