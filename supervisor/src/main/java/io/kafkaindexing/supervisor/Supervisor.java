package io.kafkaindexing.supervisor;

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
}
