package io.kafkaindexing.segment.read;

import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.column.ColumnCapabilities;
import java.util.List;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * A consistent, read-only view of a {@link Segment}: nothing it returns changes until
 * {@link #close()}. Cursors, selectors, bitmaps and dictionaries obtained from the view must not be
 * used after it is closed. Not thread-safe: confined to the thread that opened it.
 */
public interface SegmentView extends AutoCloseable {
  /** See {@link Segment#getDataInterval()}; fixed for the life of the view. */
  Interval getDataInterval();

  /** Number of stored rows (after rollup); row ids are {@code 0..getNumRows()-1}. */
  int getNumRows();

  /** Dimension columns in schema order. */
  List<String> getDimensionNames();

  /** Metric columns in {@code metricsSpec} order. */
  List<String> getMetricNames();

  /** How the data was ingested: aggregators, timestampSpec, query granularity, rollup. */
  SegmentMetadata getMetadata();

  /** Capabilities of {@code column} ({@link ColumnNames#TIME} included), or null if it is absent. */
  ColumnCapabilities getColumnCapabilities(String column);

  /** The indexes of {@code column}, or null if the column is absent or has none. */
  ColumnIndexSupplier getIndexSupplier(String column);

  /** A cursor over the rows whose (truncated) time is in {@code interval}, in time order. */
  default Cursor makeCursor(Interval interval) {
    return makeCursor(interval, null);
  }

  /**
   * Like {@link #makeCursor(Interval)}, visiting only the row ids in {@code rows} when it is not
   * null (e.g. the bitmap of a filter computed from indexes).
   */
  Cursor makeCursor(Interval interval, ImmutableRoaringBitmap rows);

  /**
   * The smallest (truncated) row time; the view must have rows. The default walks a cursor; views
   * with a time index override it.
   */
  default long getMinTime() {
    Cursor cursor = makeCursor(new Interval(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2, DateTimeZone.UTC));
    if (cursor.isDone()) {
      throw new IllegalStateException("Segment view has no rows");
    }
    return cursor.getColumnSelectorFactory().makeColumnValueSelector(ColumnNames.TIME).getLong();
  }

  /** The largest (truncated) row time; the view must have rows. See {@link #getMinTime()}. */
  default long getMaxTime() {
    Cursor cursor = makeCursor(new Interval(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2, DateTimeZone.UTC));
    if (cursor.isDone()) {
      throw new IllegalStateException("Segment view has no rows");
    }
    io.kafkaindexing.segment.column.ColumnValueSelector time =
        cursor.getColumnSelectorFactory().makeColumnValueSelector(ColumnNames.TIME);
    long max = time.getLong();
    for (; !cursor.isDone(); cursor.advance()) {
      max = Math.max(max, time.getLong());
    }
    return max;
  }

  /**
   * The latest event time ingested, as Druid's {@code dataSourceMetadata} query reports it: the
   * untruncated time of the latest row added for an in-memory index, the largest row time for a
   * persisted segment (the default).
   */
  default long getMaxIngestedEventTime() {
    return getMaxTime();
  }

  /**
   * Whole columns as primitive arrays for vectorized kernels, or null when this view does not offer
   * them (in-memory indexes, whose rows change; or the decoded-column cache is disabled). The
   * default is null.
   */
  default ColumnArrays columnArrays() {
    return null;
  }

  /**
   * A folder of {@code aggregators} over the rows of {@code interval} (all rows, no filter), or
   * null when this view cannot fold them without a cursor (the default: every view but an
   * in-memory index's, and aggregators other than {@code count} and the simple numeric ones over
   * stored metrics).
   */
  default MetricFolder metricFolder(Interval interval, List<AggregatorFactory> aggregators) {
    return null;
  }

  /** Releases what the view pins. Idempotent. */
  @Override
  void close();
}
