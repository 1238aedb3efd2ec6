package io.kafkaindexing.supervisor.kafka;

import io.kafkaindexing.indexing.kafka.KafkaIndexTask;
import io.kafkaindexing.indexing.kafka.KafkaPartition;
import io.kafkaindexing.indexing.task.TaskState;
import io.kafkaindexing.supervisor.SupervisorStateManager;
import io.kafkaindexing.supervisor.task.TaskRunner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a supervisor's task groups from reading to publishing to done: tells a group to finish at
 * common end offsets, watches publishing groups until a replica published or
 * {@code completionTimeout} passed, and stops groups whose partitions must start again from the
 * committed offsets. Works on the supervisor's maps of reading groups (by group id) and publishing
 * groups; used by the supervisor's run thread only.
 */
final class GroupCompletion {
  private static final Logger log = LoggerFactory.getLogger(GroupCompletion.class);
  private static final long PAUSE_TIMEOUT_MILLIS = 10_000;

  private final String supervisorId;
  private final TaskRunner taskRunner;
  private final SupervisorStateManager state;
  private final long completionTimeoutMillis;
  private final Map<Integer, TaskGroup> reading;
  private final List<TaskGroup> publishing;

  GroupCompletion(String supervisorId, TaskRunner taskRunner, SupervisorStateManager state,
      long completionTimeoutMillis, Map<Integer, TaskGroup> reading, List<TaskGroup> publishing) {
    this.supervisorId = supervisorId;
    this.taskRunner = taskRunner;
    this.state = state;
    this.completionTimeoutMillis = completionTimeoutMillis;
    this.reading = reading;
    this.publishing = publishing;
  }

  /**
   * Tells a group's tasks to stop reading and publish: pauses the replicas, takes the highest
   * offset any of them reached per partition as the common end, sets it and resumes them. A
   * replica that does not pause is shut down. If none pauses, the group is dropped and its
   * partitions start again from the committed offsets.
   */
  void finish(TaskGroup group) {
    reading.remove(group.groupId);
    Map<KafkaPartition, Long> end = new TreeMap<>(group.startingOffsets);
    List<KafkaIndexTask> paused = new ArrayList<>();
    for (KafkaIndexTask task : group.tasks) {
      Map<KafkaPartition, Long> current;
      try {
        current = task.runner().pause(PAUSE_TIMEOUT_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        current = null;
      }
      if (current == null) {
        taskRunner.shutdown(task.getId());
        group.tasks.remove(task);
      } else {
        paused.add(task);
        current.forEach((p, o) -> end.merge(p, o, Math::max));
      }
    }
    if (paused.isEmpty()) {
      log.warn("Supervisor[{}] group[{}] has no task left to publish; its partitions restart from the committed"
          + " offsets", supervisorId, group.groupId);
      return;
    }
    group.finishAt(end);
    publishing.add(group);
    paused.forEach(t -> t.runner().setEndOffsets(end));
    log.info("Supervisor[{}] group[{}] finishes at offsets {} and publishes", supervisorId, group.groupId, end);
  }

  void finishAll() {
    for (TaskGroup group : reading.values()) {
      finish(group);
    }
  }

  /**
   * Forgets publishing groups that succeeded (a task of the group published); a group whose tasks
   * all failed, or that did not finish within {@code completionTimeout}, is stopped together with
   * every later group reading its partitions (they started from its uncommitted end offsets), so
   * those partitions restart from the committed offsets.
   */
  void checkPublishing() {
    for (TaskGroup group : publishing) {
      boolean succeeded = false;
      boolean allEnded = true;
      for (KafkaIndexTask task : group.tasks) {
        TaskState s = status(task);
        succeeded |= s == TaskState.SUCCESS;
        allEnded &= s.isComplete();
      }
      if (succeeded) {
        publishing.remove(group);
        state.recordTaskSuccess();
      } else if (allEnded || System.currentTimeMillis() - group.publishingSinceMillis() > completionTimeoutMillis) {
        log.warn("Supervisor[{}] group[{}] failed to publish offsets {} (all tasks failed or completionTimeout);"
            + " its partitions restart from the committed offsets", supervisorId, group.groupId, group.endOffsets());
        state.recordTaskFailure();
        dropGroupsReading(group.partitions);
        group.tasks.forEach(t -> taskRunner.shutdown(t.getId()));
        publishing.remove(group);
      }
    }
  }

  /** Forgets reading tasks that ended; a group with no task left is removed (it starts again). */
  void removeEndedReadingTasks() {
    for (TaskGroup group : reading.values()) {
      for (KafkaIndexTask task : group.tasks) {
        TaskState s = status(task);
        if (s.isComplete()) {
          group.tasks.remove(task);
          state.recordTaskFailure();
          log.warn("Supervisor[{}] task[{}] ended with {}; group[{}] will be started again", supervisorId,
              task.getId(), s, group.groupId);
        }
      }
      if (group.tasks.isEmpty()) {
        reading.remove(group.groupId);
      }
    }
  }

  /** Hard stop: every task stops without publishing (reset). */
  void stopAll() {
    for (TaskGroup group : reading.values()) {
      group.tasks.forEach(t -> taskRunner.shutdown(t.getId()));
    }
    reading.clear();
    for (TaskGroup group : publishing) {
      group.tasks.forEach(t -> taskRunner.shutdown(t.getId()));
    }
    publishing.clear();
  }

  private TaskState status(KafkaIndexTask task) {
    return taskRunner.get(task.getId()).map(w -> w.status().getStatus()).orElse(TaskState.FAILED);
  }

  /** Stops every reading group that reads any of {@code partitionIds}. */
  private void dropGroupsReading(Set<KafkaPartition> partitionIds) {
    for (TaskGroup group : reading.values()) {
      if (!Collections.disjoint(group.partitions, partitionIds)) {
        group.tasks.forEach(t -> taskRunner.shutdown(t.getId()));
        reading.remove(group.groupId);
      }
    }
  }
}
