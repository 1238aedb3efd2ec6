package io.kafkaindexing.query.engine;

import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.aggregation.CountAggregatorFactory;
import io.kafkaindexing.segment.aggregation.SimpleNumericAggregatorFactory;
import java.util.Arrays;
import java.util.List;

/**
 * Merge accumulators of {@code count} and simple numeric aggregators over {@link GroupColumns}
 * rows: a growing set of slots, each holding one value per aggregator as a primitive and a null
 * flag. {@link #combine} folds exactly as the aggregator's {@code combine(slot, row)} does (a null
 * side is ignored; a sum adds, a min or max takes {@code Math.min}/{@code Math.max}, in the kind's
 * type), so a merge over these gives the boxed values a merge over maps gives. Not thread-safe.
 */
public final class CombiningColumns {
  private static final int SUM = 0;
  private static final int MIN = 1;
  private static final int MAX = 2;

  private final int[] types;
  private final int[] ops;
  private final long[][] longs;
  private final double[][] doubles;
  private final float[][] floats;
  private final boolean[][] nulls;
  private int size;
  private int capacity;

  public CombiningColumns(List<AggregatorFactory> factories, int capacity) {
    int n = factories.size();
    this.types = new int[n];
    this.ops = new int[n];
    for (int i = 0; i < n; i++) {
      AggregatorFactory f = factories.get(i);
      if (f.getClass() == CountAggregatorFactory.class) {
        types[i] = GroupColumns.LONG;
        ops[i] = SUM;
      } else if (f instanceof SimpleNumericAggregatorFactory s) {
        switch (s.kind()) {
          case LONG_SUM, LONG_MIN, LONG_MAX -> types[i] = GroupColumns.LONG;
          case DOUBLE_SUM, DOUBLE_MIN, DOUBLE_MAX -> types[i] = GroupColumns.DOUBLE;
          default -> types[i] = GroupColumns.FLOAT;
        }
        ops[i] = switch (s.kind()) {
          case LONG_SUM, DOUBLE_SUM, FLOAT_SUM -> SUM;
          case LONG_MIN, DOUBLE_MIN, FLOAT_MIN -> MIN;
          default -> MAX;
        };
      } else {
        throw new IllegalArgumentException("Aggregator[" + f.getName() + "] is not count or a simple numeric kind");
      }
    }
    this.capacity = Math.max(16, capacity);
    this.longs = new long[n][];
    this.doubles = new double[n][];
    this.floats = new float[n][];
    this.nulls = new boolean[n][];
    for (int i = 0; i < n; i++) {
      switch (types[i]) {
        case GroupColumns.LONG -> longs[i] = new long[this.capacity];
        case GroupColumns.DOUBLE -> doubles[i] = new double[this.capacity];
        default -> floats[i] = new float[this.capacity];
      }
      nulls[i] = new boolean[this.capacity];
    }
  }

  /** True when every aggregator is {@code count} or a simple numeric kind (over a column or expression). */
  public static boolean supports(List<AggregatorFactory> factories) {
    for (AggregatorFactory f : factories) {
      if (f.getClass() != CountAggregatorFactory.class && !(f instanceof SimpleNumericAggregatorFactory)) {
        return false;
      }
    }
    return true;
  }

  /** True when {@code columns} hold these aggregators' values (same column types). */
  public boolean accepts(GroupColumns columns) {
    if (columns.columns() != types.length) {
      return false;
    }
    for (int c = 0; c < types.length; c++) {
      if (columns.type(c) != types[c]) {
        return false;
      }
    }
    return true;
  }

  public int size() {
    return size;
  }

  /** A new slot holding {@code row}'s values as they are; its index. */
  public int add(GroupColumns from, int row) {
    if (size == capacity) {
      grow();
    }
    int slot = size++;
    set(slot, from, row);
    return slot;
  }

  /** Slot {@code slot} now holds {@code row}'s values as they are. */
  public void set(int slot, GroupColumns from, int row) {
    for (int c = 0; c < types.length; c++) {
      nulls[c][slot] = from.isNull(c, row);
      switch (types[c]) {
        case GroupColumns.LONG -> longs[c][slot] = from.longAt(c, row);
        case GroupColumns.DOUBLE -> doubles[c][slot] = from.doubleAt(c, row);
        default -> floats[c][slot] = from.floatAt(c, row);
      }
    }
  }

  /** Folds {@code row}'s values into slot {@code slot} as {@code combine(slot's value, row's value)}. */
  public void combine(int slot, GroupColumns from, int row) {
    for (int c = 0; c < types.length; c++) {
      if (from.isNull(c, row)) {
        continue;
      }
      boolean empty = nulls[c][slot];
      nulls[c][slot] = false;
      switch (types[c]) {
        case GroupColumns.LONG -> {
          long b = from.longAt(c, row);
          long a = longs[c][slot];
          longs[c][slot] = empty ? b : ops[c] == SUM ? a + b : ops[c] == MIN ? Math.min(a, b) : Math.max(a, b);
        }
        case GroupColumns.DOUBLE -> {
          double b = from.doubleAt(c, row);
          double a = doubles[c][slot];
          doubles[c][slot] = empty ? b : ops[c] == SUM ? a + b : ops[c] == MIN ? Math.min(a, b) : Math.max(a, b);
        }
        default -> {
          float b = from.floatAt(c, row);
          float a = floats[c][slot];
          floats[c][slot] = empty ? b : ops[c] == SUM ? a + b : ops[c] == MIN ? Math.min(a, b) : Math.max(a, b);
        }
      }
    }
  }

  public boolean isNull(int column, int slot) {
    return nulls[column][slot];
  }

  /** The slot's value as the aggregator's {@code combine} gives it: {@code Long}, {@code Double}, {@code Float} or null. */
  public Object value(int column, int slot) {
    if (nulls[column][slot]) {
      return null;
    }
    return switch (types[column]) {
      case GroupColumns.LONG -> (Long) longs[column][slot];
      case GroupColumns.DOUBLE -> (Double) doubles[column][slot];
      default -> (Float) floats[column][slot];
    };
  }

  /** As {@link GroupColumns#rankKey}. */
  public long rankKey(int column, int slot) {
    return switch (types[column]) {
      case GroupColumns.LONG -> longs[column][slot];
      case GroupColumns.DOUBLE -> GroupColumns.sortableBits(doubles[column][slot]);
      default -> GroupColumns.sortableBits(floats[column][slot]);
    };
  }

  private void grow() {
    capacity *= 2;
    for (int c = 0; c < types.length; c++) {
      switch (types[c]) {
        case GroupColumns.LONG -> longs[c] = Arrays.copyOf(longs[c], capacity);
        case GroupColumns.DOUBLE -> doubles[c] = Arrays.copyOf(doubles[c], capacity);
        default -> floats[c] = Arrays.copyOf(floats[c], capacity);
      }
      nulls[c] = Arrays.copyOf(nulls[c], capacity);
    }
  }
}
