package io.kafkaindexing.supervisor.kafka;

import io.kafkaindexing.indexing.kafka.KafkaIndexTask;
import io.kafkaindexing.indexing.kafka.KafkaPartition;
import io.kafkaindexing.supervisor.SupervisorStateManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/**
 * Builds the Kafka supervisor status payload: active tasks with their starting and current offsets
 * and lag, the latest offsets, per-partition minimum lag (latest minus the highest offset any task
 * reached; may be negative while latest offsets are stale, as in Druid) and the aggregate lag (sum of
 * the positive lags). Stateless apart from its inputs.
 */
final class StatusReportBuilder {
  private final KafkaSupervisorSpec spec;
  private final SupervisorStateManager state;

  StatusReportBuilder(KafkaSupervisorSpec spec, SupervisorStateManager state) {
    this.spec = spec;
    this.state = state;
  }

  KafkaSupervisorReportPayload build(Collection<TaskGroup> groups, int partitionCount, Map<KafkaPartition, Long> latest,
      DateTime offsetsLastUpdated) {
    return build(groups, List.of(), partitionCount, latest, offsetsLastUpdated);
  }

  KafkaSupervisorReportPayload build(Collection<TaskGroup> groups, Collection<TaskGroup> publishingGroups,
      int partitionCount, Map<KafkaPartition, Long> latest, DateTime offsetsLastUpdated) {
    long taskDurationMillis = spec.getIoConfig().getTaskDuration().getMillis();
    List<TaskReportData> active = new ArrayList<>();
    Map<KafkaPartition, Long> highest = new TreeMap<>();
    for (TaskGroup group : groups) {
      group.currentOffsets().forEach((p, o) -> highest.merge(p, o, Math::max));
      for (KafkaIndexTask task : group.tasks) {
        Map<KafkaPartition, Long> current = new TreeMap<>(task.currentOffsets());
        DateTime start = task.startTime();
        Long remaining = start == null ? null
            : Math.max(0, taskDurationMillis - (System.currentTimeMillis() - group.createdMillis)) / 1000;
        active.add(new TaskReportData(task.getId(), group.startingOffsets,
            start == null ? null : start.withZone(DateTimeZone.UTC), remaining, "ACTIVE", current,
            latest.isEmpty() ? null : lag(latest, current)));
      }
    }
    List<TaskReportData> publishing = new ArrayList<>();
    long completionTimeoutMillis = spec.getIoConfig().getCompletionTimeout().getMillis();
    for (TaskGroup group : publishingGroups) {
      long remaining = Math.max(0, completionTimeoutMillis - (System.currentTimeMillis()
          - group.publishingSinceMillis())) / 1000;
      for (KafkaIndexTask task : group.tasks) {
        DateTime start = task.startTime();
        publishing.add(new TaskReportData(task.getId(), group.startingOffsets,
            start == null ? null : start.withZone(DateTimeZone.UTC), remaining, "PUBLISHING",
            new TreeMap<>(task.currentOffsets()), null));
      }
    }
    Map<KafkaPartition, Long> minimumLag = latest.isEmpty() ? null : lag(latest, highest);
    Long aggregate = minimumLag == null ? null
        : minimumLag.values().stream().mapToLong(v -> Math.max(0, v)).sum();
    return new KafkaSupervisorReportPayload(spec.getId(), spec.getIoConfig().getStream(), partitionCount,
        spec.getIoConfig().getReplicas(), taskDurationMillis / 1000, active, publishing,
        latest.isEmpty() ? null : new TreeMap<>(latest), minimumLag, aggregate, offsetsLastUpdated,
        spec.isSuspended(), state.isHealthy(), state.state().name(), state.detailedState().name(),
        state.recentErrors());
  }

  private static Map<KafkaPartition, Long> lag(Map<KafkaPartition, Long> latest, Map<KafkaPartition, Long> current) {
    Map<KafkaPartition, Long> lag = new TreeMap<>();
    current.forEach((p, o) -> {
      Long l = latest.get(p);
      if (l != null) {
        lag.put(p, l - o);
      }
    });
    return lag;
  }
}
