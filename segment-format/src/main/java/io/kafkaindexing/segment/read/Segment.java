package io.kafkaindexing.segment.read;

import org.joda.time.Interval;

/**
 * Queryable data of one segment (in memory or persisted), as announced to the Broker. All reads go
 * through {@link #open()}, which returns a consistent {@link SegmentView}; the view pins the data
 * (a read lock for the in-memory index, a reference for a memory-mapped segment) until it is
 * closed, so always use try-with-resources. Implementations are thread-safe; views are not.
 */
public interface Segment {
  /**
   * The interval the data covers: starts at the segment (or sink) interval start and ends after the
   * last row's query-granularity bucket. May grow while an in-memory segment takes rows.
   */
  Interval getDataInterval();

  /**
   * Opens a consistent view. The view is confined to the calling thread and must be closed by it.
   * A thread holding an open view of an in-memory index must not add rows to that index.
   */
  SegmentView open();

  /** This segment as {@code capability} (e.g. an implementation class), or null if not offered. */
  default <T> T as(Class<T> capability) {
    return capability.isInstance(this) ? capability.cast(this) : null;
  }
}
