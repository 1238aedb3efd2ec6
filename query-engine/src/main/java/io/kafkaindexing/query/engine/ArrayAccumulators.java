package io.kafkaindexing.query.engine;

import io.kafkaindexing.segment.read.BlockSums;
import java.util.function.Supplier;

/**
 * Accumulators of the simple numeric aggregators over decoded column arrays, one class per value
 * type and operation so that each loop is monomorphic (generated from one template; keep them
 * alike; the two sums with block sums fetch their column only when a range is not made of whole
 * blocks, so that a segment's total needs no decoded column). Each folds values exactly as
 * {@code NumericAggregator} does: in row order, null rows skipped, null until the first non-null
 * value. A sum starts at {@code -0.0} (the identity of
 * floating-point addition, so the first value is kept bit for bit) and a min or max at the
 * opposite infinity or extreme, which equals taking the first value as it is. Not thread-safe.
 */
final class ArrayAccumulators {
  private ArrayAccumulators() {}

  /** One aggregator's state: ungrouped ({@link #value()}) or per group slot ({@link #value(int, boolean)}). */
  abstract static class Acc {
    /** Null rows as a bit set, or null when none. */
    final long[] nulls;
    boolean has;
    boolean[] hasSlot;

    Acc(long[] nulls) {
      this.nulls = nulls;
    }

    final boolean isNull(int r) {
      return ((nulls[r >>> 6] >>> r) & 1L) != 0;
    }

    /** Folds rows {@code [a, b)}. */
    abstract void range(int a, int b);

    /** Folds rows {@code rows[a..b)}. */
    abstract void rows(int[] rows, int a, int b);

    /** Starts {@code n} group slots. */
    abstract void groups(int n);

    /** Folds rows {@code [a, b)} into slot {@code ids[row]}. */
    abstract void groupedRange(int a, int b, int[] ids);

    /** Folds rows {@code rows[a..b)} into slot {@code ids[row]}. */
    abstract void groupedRows(int[] rows, int a, int b, int[] ids);

    /** The ungrouped value as the aggregator's {@code get()} gives it. */
    abstract Object value();

    /** Slot {@code s}'s value; {@code touched} says whether some row fell in it. */
    abstract Object value(int s, boolean touched);

    /** The per-slot values ({@code long[]}, {@code double[]} or {@code float[]}) after {@link #groups}. */
    abstract Object slots();

    final boolean hasSlot(int s, boolean touched) {
      return nulls == null ? touched : hasSlot[s];
    }
  }

  /** {@code count}: rows, never null. */
  static final class Count extends Acc {
    private long count;
    private long[] g;

    Count() {
      super(null);
    }

    @Override
    void range(int a, int b) {
      count += Math.max(0, b - a);
    }

    @Override
    void rows(int[] rows, int a, int b) {
      count += Math.max(0, b - a);
    }

    @Override
    void groups(int n) {
      g = new long[n];
    }

    @Override
    void groupedRange(int a, int b, int[] ids) {
      long[] g = this.g;
      for (int r = a; r < b; r++) {
        g[ids[r]]++;
      }
    }

    @Override
    void groupedRows(int[] rows, int a, int b, int[] ids) {
      long[] g = this.g;
      for (int k = a; k < b; k++) {
        g[ids[rows[k]]]++;
      }
    }

    @Override
    Object value() {
      return count;
    }

    @Override
    Object slots() {
      return g;
    }

    @Override
    Object value(int s, boolean touched) {
      return g[s];
    }
  }

  static final class LongSum extends Acc {
    /** The column's values, fetched (decoded) on first need: a range of whole blocks needs only {@code blocks}. */
    private final Supplier<long[]> source;
    private long[] v;
    /** {@link BlockSums#ofLongs} of the values, or null. */
    private final long[] blocks;
    /** Rows of the column (with {@code blocks}: where its last, possibly partial, block ends). */
    private final int columnRows;
    private long acc = 0L;
    private long[] g;

    LongSum(long[] v, long[] nulls) {
      this(v, nulls, null);
    }

    LongSum(long[] v, long[] nulls, long[] blocks) {
      this(() -> v, v.length, nulls, blocks);
    }

    LongSum(Supplier<long[]> source, int columnRows, long[] nulls, long[] blocks) {
      super(nulls);
      this.source = source;
      this.columnRows = columnRows;
      this.blocks = blocks;
    }

    /** The column's values, row by row. */
    long[] column() {
      long[] values = v;
      if (values == null) {
        values = source.get();
        v = values;
      }
      return values;
    }

    @Override
    void range(int a, int b) {
      long x = acc;
      if (nulls == null && blocks != null) {
        // wrapping long addition is associative: the block sums give the sequential sum
        if (a < b) {
          x = x + (BlockSums.wholeBlocks(columnRows, a, b) ? BlockSums.sumOfBlocks(blocks, a, b)
              : BlockSums.sum(column(), blocks, a, b));
          has = true;
        }
        acc = x;
        return;
      }
      long[] v = column();
      if (nulls == null) {
        for (int r = a; r < b; r++) {
          x = x + v[r];
        }
        has |= a < b;
      } else {
        for (int r = a; r < b; r++) {
          if (!isNull(r)) {
            x = x + v[r];
            has = true;
          }
        }
      }
      acc = x;
    }

    @Override
    void rows(int[] rows, int a, int b) {
      long[] v = column();
      long x = acc;
      for (int k = a; k < b; k++) {
        int r = rows[k];
        if (nulls == null || !isNull(r)) {
          x = x + v[r];
          has = true;
        }
      }
      acc = x;
    }

    @Override
    void groups(int n) {
      g = new long[n];
      java.util.Arrays.fill(g, 0L);
      if (nulls != null) {
        hasSlot = new boolean[n];
      }
    }

    @Override
    void groupedRange(int a, int b, int[] ids) {
      long[] v = column();
      long[] g = this.g;
      if (nulls == null) {
        for (int r = a; r < b; r++) {
          int s = ids[r];
          g[s] = g[s] + v[r];
        }
      } else {
        for (int r = a; r < b; r++) {
          if (!isNull(r)) {
            int s = ids[r];
            g[s] = g[s] + v[r];
            hasSlot[s] = true;
          }
        }
      }
    }

    @Override
    void groupedRows(int[] rows, int a, int b, int[] ids) {
      long[] v = column();
      long[] g = this.g;
      for (int k = a; k < b; k++) {
        int r = rows[k];
        if (nulls == null || !isNull(r)) {
          int s = ids[r];
          g[s] = g[s] + v[r];
          if (nulls != null) {
            hasSlot[s] = true;
          }
        }
      }
    }

    @Override
    Object value() {
      return has ? (Long) acc : null;
    }

    @Override
    Object slots() {
      return g;
    }

    @Override
    Object value(int s, boolean touched) {
      return hasSlot(s, touched) ? (Long) g[s] : null;
    }
  }

  static final class LongMin extends Acc {
    private final long[] v;
    private long acc = Long.MAX_VALUE;
    private long[] g;

    LongMin(long[] v, long[] nulls) {
      super(nulls);
      this.v = v;
    }

    @Override
    void range(int a, int b) {
      long[] v = this.v;
      long x = acc;
      if (nulls == null) {
        for (int r = a; r < b; r++) {
          x = Math.min(x, v[r]);
        }
        has |= a < b;
      } else {
        for (int r = a; r < b; r++) {
          if (!isNull(r)) {
            x = Math.min(x, v[r]);
            has = true;
          }
        }
      }
      acc = x;
    }

    @Override
    void rows(int[] rows, int a, int b) {
      long[] v = this.v;
      long x = acc;
      for (int k = a; k < b; k++) {
        int r = rows[k];
        if (nulls == null || !isNull(r)) {
          x = Math.min(x, v[r]);
          has = true;
        }
      }
      acc = x;
    }

    @Override
    void groups(int n) {
      g = new long[n];
      java.util.Arrays.fill(g, Long.MAX_VALUE);
      if (nulls != null) {
        hasSlot = new boolean[n];
      }
    }

    @Override
    void groupedRange(int a, int b, int[] ids) {
      long[] v = this.v;
      long[] g = this.g;
      if (nulls == null) {
        for (int r = a; r < b; r++) {
          int s = ids[r];
          g[s] = Math.min(g[s], v[r]);
        }
      } else {
        for (int r = a; r < b; r++) {
          if (!isNull(r)) {
            int s = ids[r];
            g[s] = Math.min(g[s], v[r]);
            hasSlot[s] = true;
          }
        }
      }
    }

    @Override
    void groupedRows(int[] rows, int a, int b, int[] ids) {
      long[] v = this.v;
      long[] g = this.g;
      for (int k = a; k < b; k++) {
        int r = rows[k];
        if (nulls == null || !isNull(r)) {
          int s = ids[r];
          g[s] = Math.min(g[s], v[r]);
          if (nulls != null) {
            hasSlot[s] = true;
          }
        }
      }
    }

    @Override
    Object value() {
      return has ? (Long) acc : null;
    }

    @Override
    Object slots() {
      return g;
    }

    @Override
    Object value(int s, boolean touched) {
      return hasSlot(s, touched) ? (Long) g[s] : null;
    }
  }

  static final class LongMax extends Acc {
    private final long[] v;
    private long acc = Long.MIN_VALUE;
    private long[] g;

    LongMax(long[] v, long[] nulls) {
      super(nulls);
      this.v = v;
    }

    @Override
    void range(int a, int b) {
      long[] v = this.v;
      long x = acc;
      if (nulls == null) {
        for (int r = a; r < b; r++) {
          x = Math.max(x, v[r]);
        }
        has |= a < b;
      } else {
        for (int r = a; r < b; r++) {
          if (!isNull(r)) {
            x = Math.max(x, v[r]);
            has = true;
          }
        }
      }
      acc = x;
    }

    @Override
    void rows(int[] rows, int a, int b) {
      long[] v = this.v;
      long x = acc;
      for (int k = a; k < b; k++) {
        int r = rows[k];
        if (nulls == null || !isNull(r)) {
          x = Math.max(x, v[r]);
          has = true;
        }
      }
      acc = x;
    }

    @Override
    void groups(int n) {
      g = new long[n];
      java.util.Arrays.fill(g, Long.MIN_VALUE);
      if (nulls != null) {
        hasSlot = new boolean[n];
      }
    }

    @Override
    void groupedRange(int a, int b, int[] ids) {
      long[] v = this.v;
      long[] g = this.g;
      if (nulls == null) {
        for (int r = a; r < b; r++) {
          int s = ids[r];
          g[s] = Math.max(g[s], v[r]);
        }
      } else {
        for (int r = a; r < b; r++) {
          if (!isNull(r)) {
            int s = ids[r];
            g[s] = Math.max(g[s], v[r]);
            hasSlot[s] = true;
          }
        }
      }
    }

    @Override
    void groupedRows(int[] rows, int a, int b, int[] ids) {
      long[] v = this.v;
      long[] g = this.g;
      for (int k = a; k < b; k++) {
        int r = rows[k];
        if (nulls == null || !isNull(r)) {
          int s = ids[r];
          g[s] = Math.max(g[s], v[r]);
          if (nulls != null) {
            hasSlot[s] = true;
          }
        }
      }
    }

    @Override
    Object value() {
      return has ? (Long) acc : null;
    }

    @Override
    Object slots() {
      return g;
    }

    @Override
    Object value(int s, boolean touched) {
      return hasSlot(s, touched) ? (Long) g[s] : null;
    }
  }

  static final class DoubleSum extends Acc {
    /** The column's values, fetched (decoded) on first need: a range of whole blocks needs only {@code blocks}. */
    private final Supplier<double[]> source;
    private double[] v;
    /** {@link BlockSums#ofWholeDoubles} of the values: their sums are exact in any order; or null. */
    private final long[] blocks;
    /** Rows of the column (with {@code blocks}: where its last, possibly partial, block ends). */
    private final int columnRows;
    private double acc = -0.0d;
    private double[] g;

    DoubleSum(double[] v, long[] nulls) {
      this(v, nulls, null);
    }

    DoubleSum(double[] v, long[] nulls, long[] blocks) {
      this(() -> v, v.length, nulls, blocks);
    }

    DoubleSum(Supplier<double[]> source, int columnRows, long[] nulls, long[] blocks) {
      super(nulls);
      this.source = source;
      this.columnRows = columnRows;
      this.blocks = blocks;
    }

    /** The column's values, row by row. */
    double[] column() {
      double[] values = v;
      if (values == null) {
        values = source.get();
        v = values;
      }
      return values;
    }

    /** True when the column is known to hold no {@code -0.0} (it has whole-number block sums, which exclude it). */
    boolean noNegativeZero() {
      return blocks != null;
    }

    @Override
    void range(int a, int b) {
      double x = acc;
      if (nulls == null && blocks != null && !has) {
        // Nothing folded yet (x is -0.0) and every partial sum of the column is an exact integer:
        // the sum is the sequential one; -0.0 + 0.0 is 0.0 as in the sequential fold, where no value is -0.0.
        if (a < b) {
          x = x + (double) (BlockSums.wholeBlocks(columnRows, a, b) ? BlockSums.sumOfBlocks(blocks, a, b)
              : BlockSums.sum(column(), blocks, a, b));
          has = true;
        }
        acc = x;
        return;
      }
      double[] v = column();
      if (nulls == null) {
        for (int r = a; r < b; r++) {
          x = x + v[r];
        }
        has |= a < b;
      } else {
        for (int r = a; r < b; r++) {
          if (!isNull(r)) {
            x = x + v[r];
            has = true;
          }
        }
      }
      acc = x;
    }

    @Override
    void rows(int[] rows, int a, int b) {
      double[] v = column();
      double x = acc;
      for (int k = a; k < b; k++) {
        int r = rows[k];
        if (nulls == null || !isNull(r)) {
          x = x + v[r];
          has = true;
        }
      }
      acc = x;
    }

    @Override
    void groups(int n) {
      g = new double[n];
      java.util.Arrays.fill(g, -0.0d);
      if (nulls != null) {
        hasSlot = new boolean[n];
      }
    }

    @Override
    void groupedRange(int a, int b, int[] ids) {
      double[] v = column();
      double[] g = this.g;
      if (nulls == null) {
        for (int r = a; r < b; r++) {
          int s = ids[r];
          g[s] = g[s] + v[r];
        }
      } else {
        for (int r = a; r < b; r++) {
          if (!isNull(r)) {
            int s = ids[r];
            g[s] = g[s] + v[r];
            hasSlot[s] = true;
          }
        }
      }
    }

    @Override
    void groupedRows(int[] rows, int a, int b, int[] ids) {
      double[] v = column();
      double[] g = this.g;
      for (int k = a; k < b; k++) {
        int r = rows[k];
        if (nulls == null || !isNull(r)) {
          int s = ids[r];
          g[s] = g[s] + v[r];
          if (nulls != null) {
            hasSlot[s] = true;
          }
        }
      }
    }

    @Override
    Object value() {
      return has ? (Double) acc : null;
    }

    @Override
    Object slots() {
      return g;
    }

    @Override
    Object value(int s, boolean touched) {
      return hasSlot(s, touched) ? (Double) g[s] : null;
    }
  }

  static final class DoubleMin extends Acc {
    private final double[] v;
    private double acc = Double.POSITIVE_INFINITY;
    private double[] g;

    DoubleMin(double[] v, long[] nulls) {
      super(nulls);
      this.v = v;
    }

    @Override
    void range(int a, int b) {
      double[] v = this.v;
      double x = acc;
      if (nulls == null) {
        for (int r = a; r < b; r++) {
          x = Math.min(x, v[r]);
        }
        has |= a < b;
      } else {
        for (int r = a; r < b; r++) {
          if (!isNull(r)) {
            x = Math.min(x, v[r]);
            has = true;
          }
        }
      }
      acc = x;
    }

    @Override
    void rows(int[] rows, int a, int b) {
      double[] v = this.v;
      double x = acc;
      for (int k = a; k < b; k++) {
        int r = rows[k];
        if (nulls == null || !isNull(r)) {
          x = Math.min(x, v[r]);
          has = true;
        }
      }
      acc = x;
    }

    @Override
    void groups(int n) {
      g = new double[n];
      java.util.Arrays.fill(g, Double.POSITIVE_INFINITY);
      if (nulls != null) {
        hasSlot = new boolean[n];
      }
    }

    @Override
    void groupedRange(int a, int b, int[] ids) {
      double[] v = this.v;
      double[] g = this.g;
      if (nulls == null) {
        for (int r = a; r < b; r++) {
          int s = ids[r];
          g[s] = Math.min(g[s], v[r]);
        }
      } else {
        for (int r = a; r < b; r++) {
          if (!isNull(r)) {
            int s = ids[r];
            g[s] = Math.min(g[s], v[r]);
            hasSlot[s] = true;
          }
        }
      }
    }

    @Override
    void groupedRows(int[] rows, int a, int b, int[] ids) {
      double[] v = this.v;
      double[] g = this.g;
      for (int k = a; k < b; k++) {
        int r = rows[k];
        if (nulls == null || !isNull(r)) {
          int s = ids[r];
          g[s] = Math.min(g[s], v[r]);
          if (nulls != null) {
            hasSlot[s] = true;
          }
        }
      }
    }

    @Override
    Object value() {
      return has ? (Double) acc : null;
    }

    @Override
    Object slots() {
      return g;
    }

    @Override
    Object value(int s, boolean touched) {
      return hasSlot(s, touched) ? (Double) g[s] : null;
    }
  }

  static final class DoubleMax extends Acc {
    private final double[] v;
    private double acc = Double.NEGATIVE_INFINITY;
    private double[] g;

    DoubleMax(double[] v, long[] nulls) {
      super(nulls);
      this.v = v;
    }

    @Override
    void range(int a, int b) {
      double[] v = this.v;
      double x = acc;
      if (nulls == null) {
        for (int r = a; r < b; r++) {
          x = Math.max(x, v[r]);
        }
        has |= a < b;
      } else {
        for (int r = a; r < b; r++) {
          if (!isNull(r)) {
            x = Math.max(x, v[r]);
            has = true;
          }
        }
      }
      acc = x;
    }

    @Override
    void rows(int[] rows, int a, int b) {
      double[] v = this.v;
      double x = acc;
      for (int k = a; k < b; k++) {
        int r = rows[k];
        if (nulls == null || !isNull(r)) {
          x = Math.max(x, v[r]);
          has = true;
        }
      }
      acc = x;
    }

    @Override
    void groups(int n) {
      g = new double[n];
      java.util.Arrays.fill(g, Double.NEGATIVE_INFINITY);
      if (nulls != null) {
        hasSlot = new boolean[n];
      }
    }

    @Override
    void groupedRange(int a, int b, int[] ids) {
      double[] v = this.v;
      double[] g = this.g;
      if (nulls == null) {
        for (int r = a; r < b; r++) {
          int s = ids[r];
          g[s] = Math.max(g[s], v[r]);
        }
      } else {
        for (int r = a; r < b; r++) {
          if (!isNull(r)) {
            int s = ids[r];
            g[s] = Math.max(g[s], v[r]);
            hasSlot[s] = true;
          }
        }
      }
    }

    @Override
    void groupedRows(int[] rows, int a, int b, int[] ids) {
      double[] v = this.v;
      double[] g = this.g;
      for (int k = a; k < b; k++) {
        int r = rows[k];
        if (nulls == null || !isNull(r)) {
          int s = ids[r];
          g[s] = Math.max(g[s], v[r]);
          if (nulls != null) {
            hasSlot[s] = true;
          }
        }
      }
    }

    @Override
    Object value() {
      return has ? (Double) acc : null;
    }

    @Override
    Object slots() {
      return g;
    }

    @Override
    Object value(int s, boolean touched) {
      return hasSlot(s, touched) ? (Double) g[s] : null;
    }
  }

  static final class FloatSum extends Acc {
    private final float[] v;
    private float acc = -0.0f;
    private float[] g;

    FloatSum(float[] v, long[] nulls) {
      super(nulls);
      this.v = v;
    }

    @Override
    void range(int a, int b) {
      float[] v = this.v;
      float x = acc;
      if (nulls == null) {
        for (int r = a; r < b; r++) {
          x = x + v[r];
        }
        has |= a < b;
      } else {
        for (int r = a; r < b; r++) {
          if (!isNull(r)) {
            x = x + v[r];
            has = true;
          }
        }
      }
      acc = x;
    }

    @Override
    void rows(int[] rows, int a, int b) {
      float[] v = this.v;
      float x = acc;
      for (int k = a; k < b; k++) {
        int r = rows[k];
        if (nulls == null || !isNull(r)) {
          x = x + v[r];
          has = true;
        }
      }
      acc = x;
    }

    @Override
    void groups(int n) {
      g = new float[n];
      java.util.Arrays.fill(g, -0.0f);
      if (nulls != null) {
        hasSlot = new boolean[n];
      }
    }

    @Override
    void groupedRange(int a, int b, int[] ids) {
      float[] v = this.v;
      float[] g = this.g;
      if (nulls == null) {
        for (int r = a; r < b; r++) {
          int s = ids[r];
          g[s] = g[s] + v[r];
        }
      } else {
        for (int r = a; r < b; r++) {
          if (!isNull(r)) {
            int s = ids[r];
            g[s] = g[s] + v[r];
            hasSlot[s] = true;
          }
        }
      }
    }

    @Override
    void groupedRows(int[] rows, int a, int b, int[] ids) {
      float[] v = this.v;
      float[] g = this.g;
      for (int k = a; k < b; k++) {
        int r = rows[k];
        if (nulls == null || !isNull(r)) {
          int s = ids[r];
          g[s] = g[s] + v[r];
          if (nulls != null) {
            hasSlot[s] = true;
          }
        }
      }
    }

    @Override
    Object value() {
      return has ? (Float) acc : null;
    }

    @Override
    Object slots() {
      return g;
    }

    @Override
    Object value(int s, boolean touched) {
      return hasSlot(s, touched) ? (Float) g[s] : null;
    }
  }

  static final class FloatMin extends Acc {
    private final float[] v;
    private float acc = Float.POSITIVE_INFINITY;
    private float[] g;

    FloatMin(float[] v, long[] nulls) {
      super(nulls);
      this.v = v;
    }

    @Override
    void range(int a, int b) {
      float[] v = this.v;
      float x = acc;
      if (nulls == null) {
        for (int r = a; r < b; r++) {
          x = Math.min(x, v[r]);
        }
        has |= a < b;
      } else {
        for (int r = a; r < b; r++) {
          if (!isNull(r)) {
            x = Math.min(x, v[r]);
            has = true;
          }
        }
      }
      acc = x;
    }

    @Override
    void rows(int[] rows, int a, int b) {
      float[] v = this.v;
      float x = acc;
      for (int k = a; k < b; k++) {
        int r = rows[k];
        if (nulls == null || !isNull(r)) {
          x = Math.min(x, v[r]);
          has = true;
        }
      }
      acc = x;
    }

    @Override
    void groups(int n) {
      g = new float[n];
      java.util.Arrays.fill(g, Float.POSITIVE_INFINITY);
      if (nulls != null) {
        hasSlot = new boolean[n];
      }
    }

    @Override
    void groupedRange(int a, int b, int[] ids) {
      float[] v = this.v;
      float[] g = this.g;
      if (nulls == null) {
        for (int r = a; r < b; r++) {
          int s = ids[r];
          g[s] = Math.min(g[s], v[r]);
        }
      } else {
        for (int r = a; r < b; r++) {
          if (!isNull(r)) {
            int s = ids[r];
            g[s] = Math.min(g[s], v[r]);
            hasSlot[s] = true;
          }
        }
      }
    }

    @Override
    void groupedRows(int[] rows, int a, int b, int[] ids) {
      float[] v = this.v;
      float[] g = this.g;
      for (int k = a; k < b; k++) {
        int r = rows[k];
        if (nulls == null || !isNull(r)) {
          int s = ids[r];
          g[s] = Math.min(g[s], v[r]);
          if (nulls != null) {
            hasSlot[s] = true;
          }
        }
      }
    }

    @Override
    Object value() {
      return has ? (Float) acc : null;
    }

    @Override
    Object slots() {
      return g;
    }

    @Override
    Object value(int s, boolean touched) {
      return hasSlot(s, touched) ? (Float) g[s] : null;
    }
  }

  static final class FloatMax extends Acc {
    private final float[] v;
    private float acc = Float.NEGATIVE_INFINITY;
    private float[] g;

    FloatMax(float[] v, long[] nulls) {
      super(nulls);
      this.v = v;
    }

    @Override
    void range(int a, int b) {
      float[] v = this.v;
      float x = acc;
      if (nulls == null) {
        for (int r = a; r < b; r++) {
          x = Math.max(x, v[r]);
        }
        has |= a < b;
      } else {
        for (int r = a; r < b; r++) {
          if (!isNull(r)) {
            x = Math.max(x, v[r]);
            has = true;
          }
        }
      }
      acc = x;
    }

    @Override
    void rows(int[] rows, int a, int b) {
      float[] v = this.v;
      float x = acc;
      for (int k = a; k < b; k++) {
        int r = rows[k];
        if (nulls == null || !isNull(r)) {
          x = Math.max(x, v[r]);
          has = true;
        }
      }
      acc = x;
    }

    @Override
    void groups(int n) {
      g = new float[n];
      java.util.Arrays.fill(g, Float.NEGATIVE_INFINITY);
      if (nulls != null) {
        hasSlot = new boolean[n];
      }
    }

    @Override
    void groupedRange(int a, int b, int[] ids) {
      float[] v = this.v;
      float[] g = this.g;
      if (nulls == null) {
        for (int r = a; r < b; r++) {
          int s = ids[r];
          g[s] = Math.max(g[s], v[r]);
        }
      } else {
        for (int r = a; r < b; r++) {
          if (!isNull(r)) {
            int s = ids[r];
            g[s] = Math.max(g[s], v[r]);
            hasSlot[s] = true;
          }
        }
      }
    }

    @Override
    void groupedRows(int[] rows, int a, int b, int[] ids) {
      float[] v = this.v;
      float[] g = this.g;
      for (int k = a; k < b; k++) {
        int r = rows[k];
        if (nulls == null || !isNull(r)) {
          int s = ids[r];
          g[s] = Math.max(g[s], v[r]);
          if (nulls != null) {
            hasSlot[s] = true;
          }
        }
      }
    }

    @Override
    Object value() {
      return has ? (Float) acc : null;
    }

    @Override
    Object slots() {
      return g;
    }

    @Override
    Object value(int s, boolean touched) {
      return hasSlot(s, touched) ? (Float) g[s] : null;
    }
  }
}
