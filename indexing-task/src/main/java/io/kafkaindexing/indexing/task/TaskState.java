package io.kafkaindexing.indexing.task;

/** A task's state, as Druid names it in task status JSON. */
public enum TaskState {
  /** Waiting for a slot on a worker. */
  PENDING,
  /** Running on a worker. */
  RUNNING,
  /** Ended well. */
  SUCCESS,
  /** Ended with an error, or was stopped before finishing. */
  FAILED;

  public boolean isComplete() {
    return this == SUCCESS || this == FAILED;
  }
}
