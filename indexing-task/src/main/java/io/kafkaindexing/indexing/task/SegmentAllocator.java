package io.kafkaindexing.indexing.task;

import io.kafkaindexing.segment.SegmentId;
import org.joda.time.Interval;

/**
 * Gives a task the id of the segment to write rows of one interval into. The Overlord owns
 * allocation so that all tasks of a data source agree on versions and partition numbers; replicas
 * asking with the same {@code sequenceName} get the same id. Thread-safe.
 */
public interface SegmentAllocator {
  SegmentId allocate(String dataSource, Interval interval, String sequenceName);
}
