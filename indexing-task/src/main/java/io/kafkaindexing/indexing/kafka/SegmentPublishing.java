package io.kafkaindexing.indexing.kafka;

import io.kafkaindexing.indexing.appenderator.StreamAppenderator;
import io.kafkaindexing.indexing.task.SegmentPublishAction;
import io.kafkaindexing.indexing.task.TaskStatus;
import io.kafkaindexing.indexing.task.TaskToolbox;
import io.kafkaindexing.segment.DataSegment;
import io.kafkaindexing.segment.SegmentId;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of a Kafka task that read up to its end offsets: persist what is in memory, merge each
 * sink into one segment, push it to deep storage, publish segments and offsets in one Overlord
 * transaction, then wait until a Historical serves the segments before the task stops serving its
 * own copy (handoff). A failed publish fails the task: its rows are read again by the next task
 * from the committed offsets. Not thread-safe: runs on the task thread.
 */
final class SegmentPublishing {
  private static final Logger log = LoggerFactory.getLogger(SegmentPublishing.class);

  private final KafkaIndexTask task;
  private final TaskToolbox toolbox;
  private final StreamAppenderator appenderator;

  SegmentPublishing(KafkaIndexTask task, TaskToolbox toolbox, StreamAppenderator appenderator) {
    this.task = task;
    this.toolbox = toolbox;
    this.appenderator = appenderator;
  }

  TaskStatus publishAndHandOff(PartitionOffsets start, PartitionOffsets end) throws InterruptedException {
    TaskToolbox.Publishing publishing = toolbox.publishing();
    if (publishing == null) {
      log.info("Task[{}] does not publish (no deep storage configured); its rows are dropped", task.getId());
      return TaskStatus.success(task.getId());
    }
    Set<DataSegment> segments;
    try {
      appenderator.persistAll();
      segments = appenderator.mergeAndPush(publishing.pusher(), new File(toolbox.taskDirectory(), "merged"));
    } catch (IOException | RuntimeException e) {
      log.error("Task[{}] could not build or push its segments; nothing is published", task.getId(), e);
      return TaskStatus.failure(task.getId(), "Pushing segments failed: " + e.getMessage());
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
}
