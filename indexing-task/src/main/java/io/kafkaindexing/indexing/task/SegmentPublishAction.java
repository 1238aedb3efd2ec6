package io.kafkaindexing.indexing.task;

import io.kafkaindexing.indexing.kafka.PartitionOffsets;
import io.kafkaindexing.segment.DataSegment;
import java.util.Set;

/**
 * The Overlord's exactly-once publish as a task calls it: the task's segments and the end offsets
 * of its partitions are committed together, if and only if the committed offsets still equal the
 * task's start offsets. Thread-safe.
 */
public interface SegmentPublishAction {
  /** How a publish ended; {@code failure} says why when it did not succeed. */
  record Result(boolean success, String failure) {
  }

  Result publish(String dataSource, Set<DataSegment> segments, PartitionOffsets start, PartitionOffsets end);
}
