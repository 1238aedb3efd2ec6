package io.kafkaindexing.segment.read;

/**
 * Sums of a numeric column per block of {@value #BLOCK} rows, so that the sum of a long row range
 * reads two partial blocks and one long per whole block instead of every row (a range sum is then
 * bound by neither memory bandwidth nor the latency of a chain of additions). Kept exact: long
 * columns sum with Java's wrapping {@code long} addition, which is associative, so any grouping of
 * a range gives the sequential sum; a double column gets block sums only when every value is a
 * whole number other than {@code -0.0} and the magnitudes add up to less than 2^53, so every partial
 * sum in any order is an exactly representable integer and equals the sequential double sum.
 * Stateless.
 */
public final class BlockSums {
  /** Rows per block. */
  public static final int BLOCK = 1024;
  private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0d);

  private BlockSums() {}

  /** Block sums of {@code values}. */
  public static long[] ofLongs(long[] values) {
    long[] sums = new long[(values.length + BLOCK - 1) / BLOCK];
    for (int k = 0; k < sums.length; k++) {
      sums[k] = sum(values, k * BLOCK, Math.min(values.length, (k + 1) * BLOCK));
    }
    return sums;
  }

  /** Block sums of {@code values} as longs when they are exact in any order (see above), else null. */
  public static long[] ofWholeDoubles(double[] values) {
    double magnitudes = 0;
    for (double v : values) {
      // NaN fails the first test; infinities make the magnitudes too large
      if (v != Math.rint(v) || Double.doubleToRawLongBits(v) == NEGATIVE_ZERO) {
        return null;
      }
      magnitudes += Math.abs(v);
    }
    if (!(magnitudes < 0x1p53)) {
      return null;
    }
    long[] sums = new long[(values.length + BLOCK - 1) / BLOCK];
    for (int k = 0; k < sums.length; k++) {
      sums[k] = sum(values, k * BLOCK, Math.min(values.length, (k + 1) * BLOCK));
    }
    return sums;
  }

  /**
   * Whether rows {@code [a, b)} of a column of {@code rows} rows are whole blocks (the column's
   * last block, however short, counting as whole), so that {@link #sumOfBlocks} gives their sum
   * from the block sums alone, without the values.
   */
  public static boolean wholeBlocks(int rows, int a, int b) {
    return a % BLOCK == 0 && (b % BLOCK == 0 || b == rows);
  }

  /** The sum of rows {@code [a, b)}, a range {@link #wholeBlocks} accepts, from the block sums alone. */
  public static long sumOfBlocks(long[] blocks, int a, int b) {
    long s = 0;
    for (int k = a / BLOCK, end = (b + BLOCK - 1) / BLOCK; k < end; k++) {
      s += blocks[k];
    }
    return s;
  }

  /** The wrapping sum of {@code values[a, b)} from the block sums {@code blocks} of {@link #ofLongs}. */
  public static long sum(long[] values, long[] blocks, int a, int b) {
    int firstBlock = (a + BLOCK - 1) / BLOCK;
    int endBlock = b / BLOCK;
    if (firstBlock >= endBlock) {
      return sum(values, a, b);
    }
    long s = sum(values, a, firstBlock * BLOCK);
    for (int k = firstBlock; k < endBlock; k++) {
      s += blocks[k];
    }
    return s + sum(values, endBlock * BLOCK, b);
  }

  /**
   * The exact sum of {@code values[a, b)} from the block sums {@code blocks} of
   * {@link #ofWholeDoubles}, as a long.
   */
  public static long sum(double[] values, long[] blocks, int a, int b) {
    int firstBlock = (a + BLOCK - 1) / BLOCK;
    int endBlock = b / BLOCK;
    if (firstBlock >= endBlock) {
      return sum(values, a, b);
    }
    long s = sum(values, a, firstBlock * BLOCK);
    for (int k = firstBlock; k < endBlock; k++) {
      s += blocks[k];
    }
    return s + sum(values, endBlock * BLOCK, b);
  }

  private static long sum(long[] values, int a, int b) {
    long s = 0;
    for (int r = a; r < b; r++) {
      s += values[r];
    }
    return s;
  }

  private static long sum(double[] values, int a, int b) {
    long s = 0;
    for (int r = a; r < b; r++) {
      s += (long) values[r];
    }
    return s;
  }
}
