package io.kafkaindexing.segment.format;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Finds the values of a flat run of values (back to back, value {@code i} ending at {@code ends[i]})
 * that contain a needle, in one pass over the bytes eight positions at a time (SWAR): the needle's
 * first and last bytes are compared with eight haystack positions per step by two word loads, and
 * only positions where both match are compared in full and mapped to their value. No value is
 * decoded. One scan per instance; not thread-safe.
 */
final class AsciiScan {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

  private final byte[] hay;
  private final int[] ends;
  private final boolean[] ascii;
  private final byte[] needle;
  private int[] out = new int[16];
  private int found;
  /** The value holding the last matching position (positions only grow). */
  private int id;

  private AsciiScan(byte[] hay, int[] ends, boolean[] ascii, byte[] needle) {
    this.hay = hay;
    this.ends = ends;
    this.ascii = ascii;
    this.needle = needle;
  }

  /**
   * The ids, ascending, of the values flagged {@code ascii} whose bytes in {@code hay} contain
   * {@code needle} (not empty) within the value.
   */
  static int[] valuesContaining(byte[] hay, int[] ends, boolean[] ascii, byte[] needle) {
    return new AsciiScan(hay, ends, ascii, needle).scan();
  }

  private int[] scan() {
    int m = needle.length;
    long first = (needle[0] & 0xFFL) * ONES;
    long last = (needle[m - 1] & 0xFFL) * ONES;
    int i = 0;
    // Whole words while both loads (at i and at i + m - 1) fit in the array.
    for (int wordEnd = hay.length - m - 7; i <= wordEnd; i += 8) {
      long match = zeroBytes((long) LONGS.get(hay, i) ^ first) & zeroBytes((long) LONGS.get(hay, i + m - 1) ^ last);
      while (match != 0) {
        check(i + (Long.numberOfTrailingZeros(match) >>> 3));
        match &= match - 1;
      }
    }
    for (int end = hay.length - m; i <= end; i++) {
      if (hay[i] == needle[0] && hay[i + m - 1] == needle[m - 1]) {
        check(i);
      }
    }
    return Arrays.copyOf(out, found);
  }

  /** Records the value holding {@code pos} if the needle is there in full and inside that ASCII value. */
  private void check(int pos) {
    int m = needle.length;
    for (int k = 1; k < m - 1; k++) {
      if (hay[pos + k] != needle[k]) {
        return;
      }
    }
    while (ends[id] <= pos) {
      id++;
    }
    if (pos + m > ends[id] || !ascii[id] || (found > 0 && out[found - 1] == id)) {
      return;
    }
    if (found == out.length) {
      out = Arrays.copyOf(out, found * 2);
    }
    out[found++] = id;
  }

  /** 0x80 in each byte of {@code x} that is zero, 0 elsewhere (exact: no carry between bytes). */
  private static long zeroBytes(long x) {
    return ~(((x & LOW7) + LOW7) | x | LOW7);
  }
}
