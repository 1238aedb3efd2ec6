package io.kafkaindexing.segment.read;

import org.joda.time.Interval;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/** Offered by the {@link ColumnNames#TIME} column: which rows fall in a time interval. */
public interface TimeRangeIndex {
  /** The ids of the rows whose (truncated) time is in {@code interval}; a new bitmap. */
  ImmutableRoaringBitmap rowsIn(Interval interval);
}
