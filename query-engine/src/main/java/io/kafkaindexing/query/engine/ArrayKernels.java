package io.kafkaindexing.query.engine;

import io.kafkaindexing.query.QuerySegment;
import io.kafkaindexing.query.aggregation.Aggregations;
import io.kafkaindexing.query.dimension.DefaultDimensionSpec;
import io.kafkaindexing.query.dimension.DimensionSpec;
import io.kafkaindexing.query.filter.ColumnIndexes;
import io.kafkaindexing.query.filter.DimFilter;
import io.kafkaindexing.query.virtual.VirtualColumns;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.aggregation.CountAggregatorFactory;
import io.kafkaindexing.segment.aggregation.DoubleMaxAggregatorFactory;
import io.kafkaindexing.segment.aggregation.DoubleMinAggregatorFactory;
import io.kafkaindexing.segment.aggregation.DoubleSumAggregatorFactory;
import io.kafkaindexing.segment.aggregation.FloatMaxAggregatorFactory;
import io.kafkaindexing.segment.aggregation.FloatMinAggregatorFactory;
import io.kafkaindexing.segment.aggregation.FloatSumAggregatorFactory;
import io.kafkaindexing.segment.aggregation.LongMaxAggregatorFactory;
import io.kafkaindexing.segment.aggregation.LongMinAggregatorFactory;
import io.kafkaindexing.segment.aggregation.LongSumAggregatorFactory;
import io.kafkaindexing.segment.aggregation.SimpleNumericAggregatorFactory;
import io.kafkaindexing.segment.column.ValueType;
import io.kafkaindexing.segment.read.ColumnArrays;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.roaringbitmap.PeekableIntIterator;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * Vectorized per-segment kernels for the common query shapes, over whole columns decoded into
 * arrays ({@link ColumnArrays}, offered by persisted segments): no filter or a filter the indexes
 * answer whole, no virtual columns, and only {@code count} and the simple numeric aggregators
 * ({@code longSum}, {@code doubleMin}... with a {@code fieldName} of a numeric column). Rows are
 * selected as the row-at-a-time cursor selects them (the query interval's row range, then the
 * filter's row ids) and folded in the same order with the same arithmetic, so the answers are the
 * same bit for bit; {@link #plan} gives null for every other shape and the engines then take the
 * general path. Rows are addressed by position: the {@code p}-th selected row. Not thread-safe.
 */
public final class ArrayKernels {
  private static final Set<Class<?>> SIMPLE = Set.of(LongSumAggregatorFactory.class, LongMinAggregatorFactory.class,
      LongMaxAggregatorFactory.class, DoubleSumAggregatorFactory.class, DoubleMinAggregatorFactory.class,
      DoubleMaxAggregatorFactory.class, FloatSumAggregatorFactory.class, FloatMinAggregatorFactory.class,
      FloatMaxAggregatorFactory.class);

  private final ColumnArrays arrays;
  private final List<AggregatorFactory> factories;
  private final int start;
  /** Selected row ids (ascending), or null when every row of {@code [start, start + count)} is. */
  private final int[] rows;
  private final int count;
  private long[] times;

  private ArrayKernels(ColumnArrays arrays, List<AggregatorFactory> factories, int start, int[] rows, int count) {
    this.arrays = arrays;
    this.factories = factories;
    this.start = start;
    this.rows = rows;
    this.count = count;
  }

  /**
   * Kernels for {@code aggs} over the rows of {@code segment} in its interval that match
   * {@code filter}, or null when this shape is not supported (the caller takes the general path).
   */
  public static ArrayKernels plan(QuerySegment segment, DimFilter filter, VirtualColumns virtualColumns,
      Aggregations aggs) {
    if (virtualColumns != null && !virtualColumns.isEmpty()) {
      return null;
    }
    ColumnArrays arrays = segment.view().columnArrays();
    if (arrays == null || !supported(arrays, aggs.aggregators())) {
      return null;
    }
    ImmutableRoaringBitmap bitmap = null;
    if (filter != null) {
      IndexedFilter plan = IndexedFilter.plan(filter, new ColumnIndexes(segment.view(), VirtualColumns.EMPTY));
      if (plan.residual() != null) {
        return null;
      }
      bitmap = plan.rows();
    }
    int[] range = arrays.rowRange(segment.interval());
    if (bitmap == null) {
      return new ArrayKernels(arrays, aggs.aggregators(), range[0], null, Math.max(0, range[1] - range[0]));
    }
    int[] ids = new int[16];
    int n = 0;
    PeekableIntIterator it = bitmap.getIntIterator();
    it.advanceIfNeeded(range[0]);
    while (it.hasNext()) {
      int r = it.next();
      if (r >= range[1]) {
        break;
      }
      if (n == ids.length) {
        ids = Arrays.copyOf(ids, n * 2);
      }
      ids[n++] = r;
    }
    return new ArrayKernels(arrays, aggs.aggregators(), range[0], ids, n);
  }

  private static boolean supported(ColumnArrays arrays, List<AggregatorFactory> factories) {
    for (AggregatorFactory f : factories) {
      if (f.getClass() == CountAggregatorFactory.class) {
        continue;
      }
      if (!SIMPLE.contains(f.getClass())) {
        return false;
      }
      SimpleNumericAggregatorFactory s = (SimpleNumericAggregatorFactory) f;
      if (s.getExpression() != null || s.getFieldName() == null || !arrays.isNumeric(s.getFieldName())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The dictionary ids of {@code dimension} when it is a plain (no extraction, string output)
   * dimension over a single-value dictionary-encoded column, else null.
   */
  public int[] dictionaryIds(DimensionSpec dimension) {
    if (!(dimension instanceof DefaultDimensionSpec) || dimension.getExtractionFn() != null
        || dimension.getOutputType() != ValueType.STRING) {
      return null;
    }
    return arrays.dictionaryIds(dimension.getDimension());
  }

  public int cardinality(DimensionSpec dimension) {
    return arrays.cardinality(dimension.getDimension());
  }

  public String lookupName(DimensionSpec dimension, int id) {
    return arrays.lookupName(dimension.getDimension(), id);
  }

  /** Selected rows. */
  public int count() {
    return count;
  }

  private int row(int p) {
    return rows == null ? start + p : rows[p];
  }

  /** The first position at or after {@code from} whose row's time is at or after {@code end}. */
  public int seek(int from, long end) {
    if (count == 0 || end > arrays.lastTime()) {
      return count; // every row is before end (a bucket past the segment's rows): no times decoded
    }
    if (times == null) {
      times = arrays.times();
    }
    int lo = from;
    int hi = count;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (times[row(mid)] < end) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private ArrayAccumulators.Acc[] accumulators(boolean rangeSums) {
    return accumulators(rangeSums, rangeSums);
  }

  /**
   * The aggregators' accumulators; with {@code rangeSums}, sums over long columns get the columns'
   * block sums for ungrouped ranges, with {@code wholeDoubles} sums over whole-number double columns
   * (for ungrouped ranges, and for grouped folds they tell {@link FusedGroupedSums} that the column
   * holds no {@code -0.0}).
   */
  private ArrayAccumulators.Acc[] accumulators(boolean rangeSums, boolean wholeDoubles) {
    ArrayAccumulators.Acc[] accs = new ArrayAccumulators.Acc[factories.size()];
    for (int i = 0; i < accs.length; i++) {
      AggregatorFactory f = factories.get(i);
      if (f instanceof SimpleNumericAggregatorFactory s) {
        String c = s.getFieldName();
        long[] nulls = arrays.nullRows(c);
        accs[i] = switch (s.kind()) {
          case LONG_SUM -> new ArrayAccumulators.LongSum(() -> arrays.longs(c), arrays.numRows(), nulls,
              rangeSums && nulls == null ? arrays.longBlockSums(c) : null);
          case LONG_MIN -> new ArrayAccumulators.LongMin(arrays.longs(c), nulls);
          case LONG_MAX -> new ArrayAccumulators.LongMax(arrays.longs(c), nulls);
          case DOUBLE_SUM -> new ArrayAccumulators.DoubleSum(() -> arrays.doubles(c), arrays.numRows(), nulls,
              wholeDoubles && nulls == null ? arrays.wholeDoubleBlockSums(c) : null);
          case DOUBLE_MIN -> new ArrayAccumulators.DoubleMin(arrays.doubles(c), nulls);
          case DOUBLE_MAX -> new ArrayAccumulators.DoubleMax(arrays.doubles(c), nulls);
          case FLOAT_SUM -> new ArrayAccumulators.FloatSum(arrays.floats(c), nulls);
          case FLOAT_MIN -> new ArrayAccumulators.FloatMin(arrays.floats(c), nulls);
          case FLOAT_MAX -> new ArrayAccumulators.FloatMax(arrays.floats(c), nulls);
        };
      } else {
        accs[i] = new ArrayAccumulators.Count();
      }
    }
    return accs;
  }

  /** The aggregators' values (as their {@code get()}) over positions {@code [from, to)}. */
  public Object[] aggregate(int from, int to) {
    ArrayAccumulators.Acc[] accs = accumulators(rows == null);
    Object[] out = new Object[accs.length];
    for (int i = 0; i < accs.length; i++) {
      if (rows == null) {
        accs[i].range(start + from, start + to);
      } else {
        accs[i].rows(rows, from, to);
      }
      out[i] = accs[i].value();
    }
    return out;
  }

  /**
   * Positions {@code [from, to)} grouped by {@code ids} (one dictionary id per row, as
   * {@link #dictionaryIds} gives), groups in the order of their first row.
   */
  public Groups aggregateByIds(int from, int to, int[] ids, int cardinality) {
    return aggregateByIds(from, to, ids, cardinality, true);
  }

  /**
   * As {@link #aggregateByIds(int, int, int[], int)}, the groups in the order of their first row
   * when {@code firstRowOrder}, else in id order (cheaper: one store per row, no branch), for
   * callers to whom the order of groups does not matter or who want id order (a fixed dictionary's
   * ids ascend with the values).
   */
  public Groups aggregateByIds(int from, int to, int[] ids, int cardinality, boolean firstRowOrder) {
    ArrayAccumulators.Acc[] accs = accumulators(false, !firstRowOrder && rows == null);
    for (ArrayAccumulators.Acc acc : accs) {
      acc.groups(cardinality);
    }
    boolean[] touched = new boolean[cardinality];
    int[] order = new int[Math.min(cardinality, Math.max(0, to - from))];
    int groups = 0;
    // Id order over a range: one fused pass marks the ids and folds the aggregators when it can.
    boolean folded = !firstRowOrder && rows == null
        && FusedGroupedSums.range(accs, start + from, start + to, ids, touched);
    if (firstRowOrder) {
      for (int p = from; p < to && groups < order.length; p++) {
        int id = ids[row(p)];
        if (!touched[id]) {
          touched[id] = true;
          order[groups++] = id;
        }
      }
    } else {
      if (!folded && rows == null) {
        for (int r = start + from, end = start + to; r < end; r++) {
          touched[ids[r]] = true;
        }
      } else if (!folded) {
        for (int p = from; p < to; p++) {
          touched[ids[rows[p]]] = true;
        }
      }
      for (int id = 0; id < cardinality && groups < order.length; id++) {
        if (touched[id]) {
          order[groups++] = id;
        }
      }
    }
    for (int i = 0; i < accs.length && !folded; i++) {
      if (rows == null) {
        accs[i].groupedRange(start + from, start + to, ids);
      } else {
        accs[i].groupedRows(rows, from, to, ids);
      }
    }
    return new Groups(accs, touched, Arrays.copyOf(order, groups), !firstRowOrder);
  }

  /** Aggregates per dictionary id. */
  public static final class Groups {
    private final ArrayAccumulators.Acc[] accs;
    private final boolean[] touched;
    private final int[] order;
    private final boolean idOrder;

    Groups(ArrayAccumulators.Acc[] accs, boolean[] touched, int[] order, boolean idOrder) {
      this.accs = accs;
      this.touched = touched;
      this.order = order;
      this.idOrder = idOrder;
    }

    /** The ids with rows, in the order of their first row or, when {@link #inIdOrder()}, ascending. */
    public int[] ids() {
      return order;
    }

    /** True when {@link #ids()} ascend. */
    public boolean inIdOrder() {
      return idOrder;
    }

    /** Aggregator {@code agg}'s value for dictionary id {@code id}. */
    public Object value(int agg, int id) {
      return accs[agg].value(id, touched[id]);
    }

    /**
     * Aggregator {@code agg}'s values of the ids of {@link #ids()}, in that order, as
     * {@link GroupColumns#rankKey} gives them ({@code keys[k]}, 0 for a null value) and whether they
     * are null ({@code nulls[k]}), without copying every aggregator's values first.
     */
    public void rankKeys(int agg, long[] keys, boolean[] nulls) {
      ArrayAccumulators.Acc acc = accs[agg];
      Object slots = acc.slots();
      boolean nullable = !(acc instanceof ArrayAccumulators.Count);
      for (int k = 0; k < order.length; k++) {
        int id = order[k];
        nulls[k] = nullable && !acc.hasSlot(id, touched[id]);
      }
      if (slots instanceof long[] v) {
        for (int k = 0; k < order.length; k++) {
          keys[k] = nulls[k] ? 0 : v[order[k]];
        }
      } else if (slots instanceof double[] v) {
        for (int k = 0; k < order.length; k++) {
          keys[k] = nulls[k] ? 0 : GroupColumns.sortableBits(v[order[k]]);
        }
      } else {
        float[] v = (float[]) slots;
        for (int k = 0; k < order.length; k++) {
          keys[k] = nulls[k] ? 0 : GroupColumns.sortableBits(v[order[k]]);
        }
      }
    }

    /**
     * As {@link #rankKeys}, when no value of aggregator {@code agg} is null (it folds a column
     * without nulls, or counts: every id of {@link #ids()} has rows): the keys, else null.
     */
    public long[] nonNullRankKeys(int agg) {
      ArrayAccumulators.Acc acc = accs[agg];
      if (acc.nulls != null) {
        return null;
      }
      Object slots = acc.slots();
      long[] keys = new long[order.length];
      if (slots instanceof long[] v) {
        for (int k = 0; k < order.length; k++) {
          keys[k] = v[order[k]];
        }
      } else if (slots instanceof double[] v) {
        for (int k = 0; k < order.length; k++) {
          keys[k] = GroupColumns.sortableBits(v[order[k]]);
        }
      } else {
        float[] v = (float[]) slots;
        for (int k = 0; k < order.length; k++) {
          keys[k] = GroupColumns.sortableBits(v[order[k]]);
        }
      }
      return keys;
    }

    /** Every aggregator's values of the ids {@code ids[0..n)}, in that order, as primitive columns. */
    public GroupColumns columns(int[] ids, int n) {
      return GroupColumns.of(accs, ids, n, touched);
    }

    /** Every aggregator's value for {@code id}. */
    public Object[] values(int id) {
      Object[] out = new Object[accs.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = value(i, id);
      }
      return out;
    }
  }
}
