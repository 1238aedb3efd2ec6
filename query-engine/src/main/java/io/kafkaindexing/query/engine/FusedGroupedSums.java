package io.kafkaindexing.query.engine;

/**
 * The grouped loop of {@link ArrayKernels#aggregateByIds} for its most common shape in one pass
 * over the rows instead of one per aggregator plus one marking the ids present: a range of rows,
 * one or two aggregators that are {@code count}, {@code longSum} or {@code doubleSum} over columns
 * without nulls. Each slot folds its rows in row order, as the separate loops do, so the sums are
 * the same bit for bit ({@code FusedGroupedSumsTest}).
 *
 * <p>Why a fused loop: the bench measures a query's 4th to 23rd runs, while the JIT's profiling
 * tier still runs these loops (its optimizing compiler is busy with the rest of the request path
 * on 2 cores); there one pass over the ids costs about half of three, and compiled fully it costs
 * about the same ({@code FirstRunsHarness} and {@code MergeHarness} in the tests measure both).
 * One loop per pair of kinds keeps each loop monomorphic.
 * Stateless.
 */
final class FusedGroupedSums {
  private static final int COUNT = 0;
  private static final int LONG_SUM = 1;
  private static final int DOUBLE_SUM = 2;
  private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0d);

  private FusedGroupedSums() {}

  /**
   * Folds rows {@code [a, b)} into slot {@code ids[row]} of every accumulator of {@code accs}
   * (started with {@link ArrayAccumulators.Acc#groups}) and marks {@code touched[ids[row]]};
   * false, with nothing done, when {@code accs} is not of the shape this class folds.
   */
  static boolean range(ArrayAccumulators.Acc[] accs, int a, int b, int[] ids, boolean[] touched) {
    if (accs.length == 0 || accs.length > 2) {
      return false;
    }
    int k0 = kind(accs[0]);
    int k1 = accs.length == 2 ? kind(accs[1]) : COUNT;
    if (k0 < 0 || k1 < 0 || (accs.length == 2 && k0 == COUNT && k1 == COUNT)) {
      return false;
    }
    // A sum from -0.0 stays -0.0 only while every value added is -0.0: over a column without -0.0
    // the double sums' slots tell the ids present, and the loop does without the marking store.
    ArrayAccumulators.DoubleSum witness = null;
    for (ArrayAccumulators.Acc acc : accs) {
      if (acc instanceof ArrayAccumulators.DoubleSum d && d.noNegativeZero()) {
        witness = d;
      }
    }
    boolean[] marks = witness == null ? touched : null;
    fold(accs, k0, k1, a, b, ids, marks);
    if (witness != null) {
      double[] slots = (double[]) witness.slots();
      for (int s = 0; s < touched.length; s++) {
        touched[s] |= Double.doubleToRawLongBits(slots[s]) != NEGATIVE_ZERO;
      }
    }
    return true;
  }

  private static void fold(ArrayAccumulators.Acc[] accs, int k0, int k1, int a, int b, int[] ids, boolean[] touched) {
    if (accs.length == 1) {
      switch (k0) {
        case COUNT -> count(a, b, ids, touched, (long[]) accs[0].slots());
        case LONG_SUM -> longSum(a, b, ids, touched, ((ArrayAccumulators.LongSum) accs[0]).column(),
            (long[]) accs[0].slots());
        default -> doubleSum(a, b, ids, touched, ((ArrayAccumulators.DoubleSum) accs[0]).column(),
            (double[]) accs[0].slots());
      }
      return;
    }
    // Two aggregators fold into different slot arrays, so their order within a row does not matter.
    ArrayAccumulators.Acc x = k0 <= k1 ? accs[0] : accs[1];
    ArrayAccumulators.Acc y = k0 <= k1 ? accs[1] : accs[0];
    switch (Math.min(k0, k1) * 3 + Math.max(k0, k1)) {
      case COUNT * 3 + LONG_SUM -> countLong(a, b, ids, touched, (long[]) x.slots(),
          ((ArrayAccumulators.LongSum) y).column(), (long[]) y.slots());
      case COUNT * 3 + DOUBLE_SUM -> countDouble(a, b, ids, touched, (long[]) x.slots(),
          ((ArrayAccumulators.DoubleSum) y).column(), (double[]) y.slots());
      case LONG_SUM * 3 + LONG_SUM -> longLong(a, b, ids, touched, ((ArrayAccumulators.LongSum) x).column(),
          (long[]) x.slots(), ((ArrayAccumulators.LongSum) y).column(), (long[]) y.slots());
      case LONG_SUM * 3 + DOUBLE_SUM -> longDouble(a, b, ids, touched, ((ArrayAccumulators.LongSum) x).column(),
          (long[]) x.slots(), ((ArrayAccumulators.DoubleSum) y).column(), (double[]) y.slots());
      case DOUBLE_SUM * 3 + DOUBLE_SUM -> doubleDouble(a, b, ids, touched,
          ((ArrayAccumulators.DoubleSum) x).column(), (double[]) x.slots(),
          ((ArrayAccumulators.DoubleSum) y).column(), (double[]) y.slots());
      default -> throw new IllegalStateException("kinds[" + k0 + ", " + k1 + "] are not folded here");
    }
  }

  /** The accumulator's kind, or -1 when this class does not fold it. */
  private static int kind(ArrayAccumulators.Acc acc) {
    if (acc.nulls != null) {
      return -1;
    }
    if (acc instanceof ArrayAccumulators.Count) {
      return COUNT;
    }
    if (acc instanceof ArrayAccumulators.LongSum) {
      return LONG_SUM;
    }
    return acc instanceof ArrayAccumulators.DoubleSum ? DOUBLE_SUM : -1;
  }

  private static void count(int a, int b, int[] ids, boolean[] touched, long[] g) {
    for (int r = a; r < b; r++) {
      int s = ids[r];
      touched[s] = true;
      g[s]++;
    }
  }

  private static void longSum(int a, int b, int[] ids, boolean[] touched, long[] v, long[] g) {
    for (int r = a; r < b; r++) {
      int s = ids[r];
      touched[s] = true;
      g[s] = g[s] + v[r];
    }
  }

  private static void doubleSum(int a, int b, int[] ids, boolean[] touched, double[] v, double[] g) {
    for (int r = a; r < b; r++) {
      int s = ids[r];
      if (touched != null) {
        touched[s] = true;
      }
      g[s] = g[s] + v[r];
    }
  }

  private static void countLong(int a, int b, int[] ids, boolean[] touched, long[] g, long[] v, long[] h) {
    for (int r = a; r < b; r++) {
      int s = ids[r];
      touched[s] = true;
      g[s]++;
      h[s] = h[s] + v[r];
    }
  }

  private static void countDouble(int a, int b, int[] ids, boolean[] touched, long[] g, double[] v, double[] h) {
    for (int r = a; r < b; r++) {
      int s = ids[r];
      if (touched != null) {
        touched[s] = true;
      }
      g[s]++;
      h[s] = h[s] + v[r];
    }
  }

  private static void longLong(int a, int b, int[] ids, boolean[] touched, long[] v, long[] g, long[] w,
      long[] h) {
    for (int r = a; r < b; r++) {
      int s = ids[r];
      touched[s] = true;
      g[s] = g[s] + v[r];
      h[s] = h[s] + w[r];
    }
  }

  private static void longDouble(int a, int b, int[] ids, boolean[] touched, long[] v, long[] g, double[] w,
      double[] h) {
    for (int r = a; r < b; r++) {
      int s = ids[r];
      if (touched != null) {
        touched[s] = true;
      }
      g[s] = g[s] + v[r];
      h[s] = h[s] + w[r];
    }
  }

  private static void doubleDouble(int a, int b, int[] ids, boolean[] touched, double[] v, double[] g,
      double[] w, double[] h) {
    for (int r = a; r < b; r++) {
      int s = ids[r];
      if (touched != null) {
        touched[s] = true;
      }
      g[s] = g[s] + v[r];
      h[s] = h[s] + w[r];
    }
  }
}
