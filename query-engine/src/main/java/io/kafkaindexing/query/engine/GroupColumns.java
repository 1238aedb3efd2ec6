package io.kafkaindexing.query.engine;

/**
 * The aggregated values of some groups (rows) as primitive arrays, one column per aggregator of
 * {@code count} or a simple numeric kind: {@code long} for count and the {@code long*} kinds,
 * {@code double} and {@code float} for the others, and per column the rows whose value is null.
 * {@link #value} boxes a value exactly as the aggregator's {@code get()} gives it ({@code Long},
 * {@code Double}, {@code Float} or null). Per-segment topN and groupBy partials keep their groups
 * this way so that result maps are built only for the rows of the final answer. Immutable.
 */
public final class GroupColumns {
  static final int LONG = 0;
  static final int DOUBLE = 1;
  static final int FLOAT = 2;

  private final int size;
  private final int[] types;
  /** Per column: {@code long[]}, {@code double[]} or {@code float[]} as {@link #types} says. */
  private final Object[] values;
  /** Per column: the null rows, or null when the column has none. */
  private final boolean[][] nulls;

  GroupColumns(int size, int[] types, Object[] values, boolean[][] nulls) {
    this.size = size;
    this.types = types;
    this.values = values;
    this.nulls = nulls;
  }

  /** Rows. */
  public int size() {
    return size;
  }

  /** Columns (aggregators). */
  public int columns() {
    return types.length;
  }

  int type(int column) {
    return types[column];
  }

  public boolean isNull(int column, int row) {
    boolean[] n = nulls[column];
    return n != null && n[row];
  }

  long longAt(int column, int row) {
    return ((long[]) values[column])[row];
  }

  double doubleAt(int column, int row) {
    return ((double[]) values[column])[row];
  }

  float floatAt(int column, int row) {
    return ((float[]) values[column])[row];
  }

  /** The value as the aggregator gives it: {@code Long}, {@code Double}, {@code Float} or null. */
  public Object value(int column, int row) {
    if (isNull(column, row)) {
      return null;
    }
    return switch (types[column]) {
      case LONG -> (Long) longAt(column, row);
      case DOUBLE -> (Double) doubleAt(column, row);
      default -> (Float) floatAt(column, row);
    };
  }

  /** Every column's value of {@code row}. */
  public Object[] values(int row) {
    Object[] out = new Object[types.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = value(i, row);
    }
    return out;
  }

  /**
   * A key whose signed order is the aggregator comparator's order of the non-null values:
   * {@code Long.compare} of long values, {@code Double.compare} of double values (floats widened).
   * Meaningless for a null value.
   */
  public long rankKey(int column, int row) {
    return switch (types[column]) {
      case LONG -> longAt(column, row);
      case DOUBLE -> sortableBits(doubleAt(column, row));
      default -> sortableBits(floatAt(column, row));
    };
  }

  /** {@code Double.compare}'s order as a signed long: negative values' magnitude bits flipped. */
  static long sortableBits(double d) {
    long bits = Double.doubleToLongBits(d);
    return bits ^ ((bits >> 63) & Long.MAX_VALUE);
  }

  /** The rows {@code rows[0..n)} in that order. */
  public GroupColumns select(int[] rows, int n) {
    Object[] v = new Object[types.length];
    boolean[][] nl = new boolean[types.length][];
    for (int c = 0; c < types.length; c++) {
      switch (types[c]) {
        case LONG -> {
          long[] from = (long[]) values[c];
          long[] to = new long[n];
          for (int k = 0; k < n; k++) {
            to[k] = from[rows[k]];
          }
          v[c] = to;
        }
        case DOUBLE -> {
          double[] from = (double[]) values[c];
          double[] to = new double[n];
          for (int k = 0; k < n; k++) {
            to[k] = from[rows[k]];
          }
          v[c] = to;
        }
        default -> {
          float[] from = (float[]) values[c];
          float[] to = new float[n];
          for (int k = 0; k < n; k++) {
            to[k] = from[rows[k]];
          }
          v[c] = to;
        }
      }
      if (nulls[c] != null) {
        boolean[] to = new boolean[n];
        for (int k = 0; k < n; k++) {
          to[k] = nulls[c][rows[k]];
        }
        nl[c] = to;
      }
    }
    return new GroupColumns(n, types.clone(), v, nl);
  }

  /**
   * The groups {@code ids[0..n)} (slot indexes) of accumulators after grouping, in that order;
   * {@code touched} tells which slots had rows.
   */
  static GroupColumns of(ArrayAccumulators.Acc[] accs, int[] ids, int n, boolean[] touched) {
    int[] types = new int[accs.length];
    Object[] values = new Object[accs.length];
    boolean[][] nulls = new boolean[accs.length][];
    for (int c = 0; c < accs.length; c++) {
      ArrayAccumulators.Acc acc = accs[c];
      Object slots = acc.slots();
      if (slots instanceof long[] from) {
        types[c] = LONG;
        long[] to = new long[n];
        for (int k = 0; k < n; k++) {
          to[k] = from[ids[k]];
        }
        values[c] = to;
      } else if (slots instanceof double[] from) {
        types[c] = DOUBLE;
        double[] to = new double[n];
        for (int k = 0; k < n; k++) {
          to[k] = from[ids[k]];
        }
        values[c] = to;
      } else {
        types[c] = FLOAT;
        float[] from = (float[]) slots;
        float[] to = new float[n];
        for (int k = 0; k < n; k++) {
          to[k] = from[ids[k]];
        }
        values[c] = to;
      }
      if (!(acc instanceof ArrayAccumulators.Count)) {
        boolean[] nl = null;
        for (int k = 0; k < n; k++) {
          if (!acc.hasSlot(ids[k], touched[ids[k]])) {
            if (nl == null) {
              nl = new boolean[n];
            }
            nl[k] = true;
          }
        }
        nulls[c] = nl;
      }
    }
    return new GroupColumns(n, types, values, nulls);
  }
}
