package io.kafkaindexing.supervisor;

import java.util.List;
import java.util.Map;

/**
 * A running supervisor: started once, stopped once, and asked for its status report from any
 * thread. Implementations are thread-safe.
 */
public interface Supervisor {
  void start();

  /** Stops managing tasks; {@code stopTasks} also stops the tasks it started. */
  void stop(boolean stopTasks);

  /** The status report ({@code GET /supervisor/{id}/status}). */
  SupervisorReport status();

  SupervisorStateManager state();

  /**
   * Druid's reset: stops the tasks and forgets the committed offsets ({@code offsets} null: reading
   * restarts from the earliest or latest offset per {@code useEarliestOffset}) or sets them to
   * {@code offsets}. Rows not yet published are dropped, as in Druid.
   */
  void reset(io.kafkaindexing.indexing.kafka.PartitionOffsets offsets);

  /**
   * Live row stats of the supervisor's running tasks ({@code GET /supervisor/{id}/stats}):
   * task group id to task id to the task's {@code rowStats}, as Druid combines them.
   */
  default Map<String, Map<String, Object>> stats() {
    return Map.of();
  }

  /**
   * Druid's early handoff ({@code POST /supervisor/{id}/taskGroups/handoff}): the given task groups
   * stop reading and publish at the next run; unknown or not-reading group ids are ignored.
   *
   * @throws UnsupportedOperationException if this supervisor has no task groups
   */
  default void handoffTaskGroupsEarly(List<Integer> taskGroupIds) {
    throw new UnsupportedOperationException("Supervisor does not support handing off task groups early");
  }

  /** The saved parse exceptions of the running tasks, newest first ({@code GET /supervisor/{id}/parseErrors}). */
  default List<Object> parseErrors() {
    return List.of();
  }
}
