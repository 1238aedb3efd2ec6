package io.kafkaindexing.indexing.kafka;

import io.kafkaindexing.indexing.appenderator.StreamAppenderator;
import io.kafkaindexing.indexing.task.SegmentPublishAction;
import io.kafkaindexing.indexing.task.TaskStatus;
import io.kafkaindexing.indexing.task.TaskToolbox;
import io.kafkaindexing.segment.DataSegment;
import io.kafkaindexing.segment.SegmentId;
import java.io.File;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of a Kafka task that read up to its end offsets: persist what is in memory, merge each
 * sink into one segment, push it to deep storage, publish segments and offsets in one Overlord
 * transaction, then wait until a Historical serves the segments before the task stops serving its
 * own copy (handoff). With a dead-letter topic, the buffered dead letters are written (exactly once,
 * see {@link DeadLetterProducer}) after the push and before the publish, and also when the task
 * does not publish. A failed publish fails the task: its rows are read again by the next task from
 * the committed offsets. Not thread-safe: runs on the task thread.
 */
final class SegmentPublishing {
  private static final Logger log = LoggerFactory.getLogger(SegmentPublishing.class);

  private final KafkaIndexTask task;
  private final TaskToolbox toolbox;
  private final StreamAppenderator appenderator;
  /** Null without a dead-letter topic. */
  private final DeadLetterProducer deadLetters;

  SegmentPublishing(KafkaIndexTask task, TaskToolbox toolbox, StreamAppenderator appenderator,
      DeadLetterProducer deadLetters) {
    this.task = task;
    this.toolbox = toolbox;
    this.appenderator = appenderator;
    this.deadLetters = deadLetters;
  }

  TaskStatus publishAndHandOff(PartitionOffsets start, PartitionOffsets end) throws InterruptedException {
    TaskToolbox.Publishing publishing = toolbox.publishing();
    if (publishing == null) {
      log.info("Task[{}] does not publish (no deep storage configured); its rows are dropped", task.getId());
      String failure = writeDeadLetters(start, end);
      return failure == null ? TaskStatus.success(task.getId()) : TaskStatus.failure(task.getId(), failure);
    }
    Set<DataSegment> segments;
    try {
      appenderator.persistAll();
      segments = appenderator.mergeAndPush(publishing.pusher(), new File(toolbox.taskDirectory(), "merged"));
    } catch (IOException | RuntimeException e) {
      log.error("Task[{}] could not build or push its segments; nothing is published", task.getId(), e);
      return TaskStatus.failure(task.getId(), "Pushing segments failed: " + e.getMessage());
    }
    String deadLetterFailure = writeDeadLetters(start, end);
    if (deadLetterFailure != null) {
      return TaskStatus.failure(task.getId(), deadLetterFailure);
    }
    SegmentPublishAction.Result result = publishing.publishAction().publish(task.getDataSource(), segments, start, end);
    if (!result.success()) {
      log.warn("Task[{}] publish refused: {}", task.getId(), result.failure());
      return TaskStatus.failure(task.getId(), "Publish failed: " + result.failure());
    }
    log.info("Task[{}] published {} segment(s) and offsets {}", task.getId(), segments.size(),
        end.getPartitionOffsetMap());
    List<SegmentId> late = appenderator.awaitHandoff(segments, publishing.handoff(),
        task.getTuningConfig().getHandoffConditionTimeout());
    if (!late.isEmpty()) {
      log.warn("Task[{}] stops serving segments {} before a Historical loaded them (handoffConditionTimeout)",
          task.getId(), late);
    }
    return TaskStatus.success(task.getId());
  }

  /** Writes the dead letters of {@code [start, end)}; returns why it failed, or null. */
  private String writeDeadLetters(PartitionOffsets start, PartitionOffsets end) throws InterruptedException {
    if (deadLetters == null) {
      return null;
    }
    try {
      deadLetters.emit(topicPartitions(start), topicPartitions(end));
      return null;
    } catch (RuntimeException e) {
      log.error("Task[{}] could not write its dead letters; nothing is published", task.getId(), e);
      return "Writing dead letters failed: " + e.getMessage();
    }
  }

  private static Map<TopicPartition, Long> topicPartitions(PartitionOffsets offsets) {
    Map<TopicPartition, Long> out = new HashMap<>();
    offsets.getPartitionOffsetMap().forEach((p, o) -> out.put(p.toTopicPartition(offsets.getStream()), o));
    return out;
  }
}
