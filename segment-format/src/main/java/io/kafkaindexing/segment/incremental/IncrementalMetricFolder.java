package io.kafkaindexing.segment.incremental;

import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.aggregation.CountAggregatorFactory;
import io.kafkaindexing.segment.aggregation.NumericKind;
import io.kafkaindexing.segment.aggregation.SimpleNumericAggregatorFactory;
import io.kafkaindexing.segment.read.ColumnNames;
import io.kafkaindexing.segment.read.MetricFolder;
import java.util.Iterator;
import java.util.List;

/**
 * The {@link MetricFolder} of an {@link IncrementalIndexView}: walks the time index as an
 * unfiltered {@link IncrementalCursor} does and folds each aggregator's input column (a stored
 * metric, read through its {@link MetricColumn} with the getters the metric's selector uses) per
 * row id, with the aggregator's null handling and arithmetic. Supports {@code count} and the simple
 * numeric aggregators over a stored metric's name (not over a dimension, {@code __time}, an absent
 * column or an expression). Not thread-safe: confined to the view's thread while it is open.
 */
final class IncrementalMetricFolder implements MetricFolder {
  private final IncrementalIndexView view;
  private final Fold[] folds;
  private final Iterator<TimeOrderedRows.IdList> times;
  /** The largest time of the range's rows (or any larger value). */
  private final long lastTime;
  /** Row ids taken from the id lists, in order, folded a buffer at a time. */
  private final int[] buffer = new int[1024];
  private TimeOrderedRows.IdList ids;
  private int position;
  private long idsTime;

  private IncrementalMetricFolder(IncrementalIndexView view, Fold[] folds, Iterable<TimeOrderedRows.IdList> range,
      long lastTime) {
    this.view = view;
    this.folds = folds;
    this.times = range.iterator();
    this.lastTime = lastTime;
  }

  /** The folder of {@code aggregators} over {@code range}, or null when one of them is not supported. */
  static IncrementalMetricFolder of(IncrementalIndexView view, List<AggregatorFactory> aggregators,
      Iterable<TimeOrderedRows.IdList> range, long lastTime) {
    Fold[] folds = new Fold[aggregators.size()];
    for (int i = 0; i < folds.length; i++) {
      AggregatorFactory a = aggregators.get(i);
      if (a.getClass() == CountAggregatorFactory.class) {
        folds[i] = new CountFold();
        continue;
      }
      SimpleNumericAggregatorFactory s = MetricColumn.simpleOverField(a);
      if (s == null || ColumnNames.TIME.equals(s.getFieldName()) || view.dimension(s.getFieldName()) != null) {
        return null;
      }
      int metric = view.metricPosition(s.getFieldName());
      if (metric < 0) {
        return null;
      }
      MetricColumn column = view.metricColumn(metric);
      folds[i] = switch (s.kind().type()) {
        case LONG -> new LongFold(s.kind(), column);
        case FLOAT -> new FloatFold(s.kind(), column);
        default -> new DoubleFold(s.kind(), column);
      };
    }
    return new IncrementalMetricFolder(view, folds, range, lastTime);
  }

  @Override
  public boolean foldUntil(long end, Object[] out) {
    for (Fold f : folds) {
      f.reset();
    }
    // once every remaining time is below end, no list's time needs reading
    boolean allBelow = lastTime < end;
    boolean any = false;
    int buffered = 0;
    while (true) {
      if (ids == null || position >= ids.size()) {
        if (!times.hasNext()) {
          break;
        }
        ids = times.next();
        position = 0;
        if (ids.size() == 0) {
          continue;
        }
        if (!allBelow) {
          idsTime = view.rows().time(ids.get(0));
        }
      }
      if (!allBelow && idsTime >= end) {
        break;
      }
      // every id of a list has its time: take the rest of the list, folding whenever the buffer fills
      int size = ids.size();
      while (position < size) {
        if (buffered == buffer.length) {
          fold(buffered);
          buffered = 0;
        }
        buffer[buffered++] = ids.get(position++);
      }
      any = true;
    }
    fold(buffered);
    for (int i = 0; i < folds.length; i++) {
      out[i] = folds[i].result();
    }
    return any;
  }

  private void fold(int count) {
    for (Fold f : folds) {
      f.add(buffer, count);
    }
  }

  /** One aggregator's fold over a range. */
  private abstract static class Fold {
    abstract void reset();

    /** Folds the rows {@code ids[0..count)} in order. */
    abstract void add(int[] ids, int count);

    abstract Object result();
  }

  /** {@code count}: the rows visited. */
  private static final class CountFold extends Fold {
    private long count;

    @Override
    void reset() {
      count = 0;
    }

    @Override
    void add(int[] ids, int count) {
      this.count += count;
    }

    @Override
    Object result() {
      return count;
    }
  }

  /** A long sum, min or max of a metric's {@code getLong}, skipping null rows. */
  private static final class LongFold extends Fold {
    private final int op;
    private final MetricColumn column;
    private boolean hasValue;
    private long value;

    LongFold(NumericKind kind, MetricColumn column) {
      this.op = NumericMetricColumn.op(kind);
      this.column = column;
    }

    @Override
    void reset() {
      hasValue = false;
      value = 0;
    }

    @Override
    void add(int[] ids, int count) {
      for (int i = 0; i < count; i++) {
        int id = ids[i];
        if (column.isNull(id)) {
          continue;
        }
        long v = column.getLong(id);
        value = hasValue ? NumericMetricColumn.combine(op, value, v) : v;
        hasValue = true;
      }
    }

    @Override
    Object result() {
      return hasValue ? value : null;
    }
  }

  /** A double sum, min or max of a metric's {@code getDouble}, skipping null rows. */
  private static final class DoubleFold extends Fold {
    private final int op;
    private final MetricColumn column;
    private boolean hasValue;
    private double value;

    DoubleFold(NumericKind kind, MetricColumn column) {
      this.op = NumericMetricColumn.op(kind);
      this.column = column;
    }

    @Override
    void reset() {
      hasValue = false;
      value = 0;
    }

    @Override
    void add(int[] ids, int count) {
      for (int i = 0; i < count; i++) {
        int id = ids[i];
        if (column.isNull(id)) {
          continue;
        }
        double v = column.getDouble(id);
        value = hasValue ? NumericMetricColumn.combine(op, value, v) : v;
        hasValue = true;
      }
    }

    @Override
    Object result() {
      return hasValue ? value : null;
    }
  }

  /** A float sum, min or max of a metric's {@code getFloat}, skipping null rows. */
  private static final class FloatFold extends Fold {
    private final int op;
    private final MetricColumn column;
    private boolean hasValue;
    private float value;

    FloatFold(NumericKind kind, MetricColumn column) {
      this.op = NumericMetricColumn.op(kind);
      this.column = column;
    }

    @Override
    void reset() {
      hasValue = false;
      value = 0;
    }

    @Override
    void add(int[] ids, int count) {
      for (int i = 0; i < count; i++) {
        int id = ids[i];
        if (column.isNull(id)) {
          continue;
        }
        float v = column.getFloat(id);
        value = hasValue ? NumericMetricColumn.combine(op, value, v) : v;
        hasValue = true;
      }
    }

    @Override
    Object result() {
      return hasValue ? value : null;
    }
  }
}
