package io.kafkaindexing.supervisor.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.indexing.kafka.KafkaIndexTask;
import io.kafkaindexing.indexing.kafka.KafkaIndexTaskIOConfig;
import io.kafkaindexing.indexing.kafka.KafkaPartition;
import io.kafkaindexing.indexing.kafka.PartitionOffsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/**
 * Builds a new task group and its {@code replicas} tasks from the spec: the base sequence name
 * shared by the replicas (so they allocate the same segments), Druid's message time bounds fixed at
 * creation, and each task's start offsets and unbounded end offsets. Stateless; thread-safe.
 */
final class TaskGroupFactory {
  private final KafkaSupervisorSpec spec;
  private final ObjectMapper mapper;

  TaskGroupFactory(KafkaSupervisorSpec spec, ObjectMapper mapper) {
    this.spec = spec;
    this.mapper = mapper;
  }

  /** A group reading {@code partitions} from {@code offsets}, with its (not yet submitted) replica tasks. */
  TaskGroup create(int groupId, Set<KafkaPartition> partitions, Map<KafkaPartition, Long> offsets) {
    String base = TaskIds.baseSequenceName(mapper, spec.getId(), spec.getDataSchema(), spec.getTuningConfig(),
        offsets);
    DateTime now = DateTime.now(DateTimeZone.UTC);
    TaskGroup group = new TaskGroup(groupId, partitions, offsets, base, minimumMessageTime(now),
        maximumMessageTime(now));
    for (int r = 0; r < spec.getIoConfig().getReplicas(); r++) {
      group.tasks.add(newTask(group));
    }
    return group;
  }

  /**
   * Druid's late message rejection: {@code lateMessageRejectionStartDateTime}, or the group's
   * creation time minus {@code lateMessageRejectionPeriod}; null when neither is set.
   */
  private DateTime minimumMessageTime(DateTime now) {
    KafkaSupervisorIOConfig io = spec.getIoConfig();
    if (io.getLateMessageRejectionStartDateTime() != null) {
      return io.getLateMessageRejectionStartDateTime();
    }
    return io.getLateMessageRejectionPeriod() == null ? null : now.minus(io.getLateMessageRejectionPeriod());
  }

  /** Druid's early message rejection: creation time + {@code taskDuration} + {@code earlyMessageRejectionPeriod}. */
  private DateTime maximumMessageTime(DateTime now) {
    KafkaSupervisorIOConfig io = spec.getIoConfig();
    return io.getEarlyMessageRejectionPeriod() == null ? null
        : now.plus(io.getTaskDuration()).plus(io.getEarlyMessageRejectionPeriod());
  }

  private KafkaIndexTask newTask(TaskGroup group) {
    Map<KafkaPartition, Long> end = new HashMap<>();
    group.partitions.forEach(p -> end.put(p, PartitionOffsets.UNBOUNDED));
    String stream = spec.getIoConfig().getStream();
    KafkaIndexTaskIOConfig io = new KafkaIndexTaskIOConfig(group.groupId, group.baseSequenceName,
        new PartitionOffsets(stream, group.startingOffsets), new PartitionOffsets(stream, end),
        spec.getIoConfig().getConsumerProperties(), spec.getIoConfig().getPollTimeout(), spec.inputFormat(),
        group.minimumMessageTime, group.maximumMessageTime, spec.getIoConfig().getDeadLetterTopic());
    return new KafkaIndexTask(TaskIds.taskId(group.baseSequenceName), spec.getDataSchema(), spec.getTuningConfig(),
        io, spec.getContext());
  }
}
