package io.kafkaindexing.supervisor.kafka;

import io.kafkaindexing.indexing.kafka.KafkaIndexTask;
import io.kafkaindexing.indexing.kafka.KafkaPartition;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.joda.time.DateTime;

/**
 * A task group: the partitions with {@code partition % taskCount == groupId}, the offsets its tasks
 * start from, their shared base sequence name, the message time bounds fixed when the group was
 * created (null when unbounded), and its replica tasks. Thread-safe for readers;
 * mutated only by the supervisor's run thread.
 */
final class TaskGroup {
  final int groupId;
  final Set<KafkaPartition> partitions;
  final Map<KafkaPartition, Long> startingOffsets;
  final String baseSequenceName;
  final DateTime minimumMessageTime;
  final DateTime maximumMessageTime;
  final List<KafkaIndexTask> tasks = new CopyOnWriteArrayList<>();
  /** When the group was created; its tasks finish reading {@code taskDuration} later. */
  final long createdMillis = System.currentTimeMillis();
  /** The offsets its tasks read up to once told to finish (then it is publishing); null before. */
  private volatile Map<KafkaPartition, Long> endOffsets;
  private volatile long publishingSinceMillis;

  TaskGroup(int groupId, Set<KafkaPartition> partitions, Map<KafkaPartition, Long> startingOffsets, String baseSequenceName,
      DateTime minimumMessageTime, DateTime maximumMessageTime) {
    this.groupId = groupId;
    this.partitions = java.util.Collections.unmodifiableSet(new TreeSet<>(partitions));
    this.startingOffsets = java.util.Collections.unmodifiableMap(new TreeMap<>(startingOffsets));
    this.baseSequenceName = baseSequenceName;
    this.minimumMessageTime = minimumMessageTime;
    this.maximumMessageTime = maximumMessageTime;
  }

  /** Marks the group as publishing: its tasks read up to {@code ends} and then publish. */
  void finishAt(Map<KafkaPartition, Long> ends) {
    this.endOffsets = java.util.Collections.unmodifiableMap(new TreeMap<>(ends));
    this.publishingSinceMillis = System.currentTimeMillis();
  }

  boolean isPublishing() {
    return endOffsets != null;
  }

  /** The end offsets once publishing, else null. */
  Map<KafkaPartition, Long> endOffsets() {
    return endOffsets;
  }

  long publishingSinceMillis() {
    return publishingSinceMillis;
  }

  /** The highest offset read so far per partition across the replicas. */
  Map<KafkaPartition, Long> currentOffsets() {
    Map<KafkaPartition, Long> max = new TreeMap<>(startingOffsets);
    for (KafkaIndexTask task : tasks) {
      task.currentOffsets().forEach((p, o) -> max.merge(p, o, Math::max));
    }
    return max;
  }
}
