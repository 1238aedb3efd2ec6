package io.kafkaindexing.segment.incremental;

import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.column.ColumnCapabilities;
import io.kafkaindexing.segment.column.ValueType;
import io.kafkaindexing.segment.read.ColumnIndexSupplier;
import io.kafkaindexing.segment.read.ColumnNames;
import io.kafkaindexing.segment.read.Cursor;
import io.kafkaindexing.segment.read.MetricFolder;
import io.kafkaindexing.segment.read.SegmentMetadata;
import io.kafkaindexing.segment.read.SegmentView;
import io.kafkaindexing.segment.read.TimeRangeIndex;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import org.joda.time.Interval;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * A {@link SegmentView} of an {@link IncrementalIndex}: holds the index's read lock from creation
 * until {@link #close()}, so the rows, dictionaries and bitmaps it hands out do not change. Confined
 * to the thread that opened it (a read lock must be released by its owner).
 */
final class IncrementalIndexView implements SegmentView {
  private final IncrementalIndex index;
  private final Map<String, DimensionIndexer> dimensions;
  private final RowStore rows;
  private final TimeOrderedRows timeIndex;
  private final Lock readLock;
  private final Interval dataInterval;
  private final long maxIngestedEventTime;
  private boolean closed;

  IncrementalIndexView(IncrementalIndex index, Map<String, DimensionIndexer> dimensions, RowStore rows,
      TimeOrderedRows timeIndex, Lock heldReadLock) {
    this.index = index;
    this.dimensions = dimensions;
    this.rows = rows;
    this.timeIndex = timeIndex;
    this.readLock = heldReadLock;
    this.dataInterval = index.dataInterval();
    this.maxIngestedEventTime = index.maxIngestedEventTime();
  }

  @Override
  public Interval getDataInterval() {
    return dataInterval;
  }

  @Override
  public int getNumRows() {
    checkOpen();
    return rows.size();
  }

  @Override
  public List<String> getDimensionNames() {
    return List.copyOf(dimensions.keySet());
  }

  @Override
  public List<String> getMetricNames() {
    return index.getMetricNames();
  }

  @Override
  public SegmentMetadata getMetadata() {
    return index.getMetadata();
  }

  @Override
  public ColumnCapabilities getColumnCapabilities(String column) {
    checkOpen();
    if (ColumnNames.TIME.equals(column)) {
      return ColumnCapabilities.simple(ValueType.LONG);
    }
    DimensionIndexer dim = dimensions.get(column);
    if (dim != null) {
      return dim.capabilities();
    }
    int metric = metricPosition(column);
    return metric < 0 ? null : ColumnCapabilities.simple(index.metrics().get(metric).getIntermediateType());
  }

  @Override
  public ColumnIndexSupplier getIndexSupplier(String column) {
    checkOpen();
    if (ColumnNames.TIME.equals(column)) {
      TimeRangeIndex time = interval -> timeIndex.rowsIn(interval.getStartMillis(), interval.getEndMillis());
      return new ColumnIndexSupplier() {
        @Override
        public <T> T as(Class<T> indexType) {
          return indexType.isInstance(time) ? indexType.cast(time) : null;
        }
      };
    }
    DimensionIndexer dim = dimensions.get(column);
    return dim == null ? null : dim.indexes();
  }

  @Override
  public Cursor makeCursor(Interval interval, ImmutableRoaringBitmap rowFilter) {
    checkOpen();
    return new IncrementalCursor(this, timeIndex.range(interval.getStartMillis(), interval.getEndMillis()),
        rowFilter);
  }

  @Override
  public MetricFolder metricFolder(Interval interval, List<AggregatorFactory> aggregators) {
    checkOpen();
    return IncrementalMetricFolder.of(this, aggregators,
        timeIndex.range(interval.getStartMillis(), interval.getEndMillis()),
        rows.size() == 0 ? Long.MIN_VALUE : timeIndex.lastTime());
  }

  @Override
  public long getMinTime() {
    checkOpen();
    return timeIndex.firstTime();
  }

  @Override
  public long getMaxTime() {
    checkOpen();
    return timeIndex.lastTime();
  }

  @Override
  public long getMaxIngestedEventTime() {
    checkOpen();
    return maxIngestedEventTime;
  }

  RowStore rows() {
    return rows;
  }

  DimensionIndexer dimension(String name) {
    return dimensions.get(name);
  }

  /** The values of the metric at {@code position}, by row id. */
  MetricColumn metricColumn(int position) {
    return index.metricStore().column(position);
  }

  int metricPosition(String name) {
    List<AggregatorFactory> metrics = index.metrics();
    for (int i = 0; i < metrics.size(); i++) {
      if (metrics.get(i).getName().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("Segment view is closed");
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      readLock.unlock();
    }
  }
}
