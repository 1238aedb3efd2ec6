package io.kafkaindexing.indexing.task;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A task's state, duration (millis, -1 while running) and error message, in Druid's task status
 * shape. Immutable.
 */
public final class TaskStatus {
  private final String id;
  private final TaskState status;
  private final long duration;
  private final String errorMsg;

  @JsonCreator
  public TaskStatus(@JsonProperty("id") String id, @JsonProperty("status") TaskState status,
      @JsonProperty("duration") long duration, @JsonProperty("errorMsg") String errorMsg) {
    this.id = Objects.requireNonNull(id, "id");
    this.status = Objects.requireNonNull(status, "status");
    this.duration = duration;
    this.errorMsg = errorMsg;
  }

  public static TaskStatus running(String id) {
    return new TaskStatus(id, TaskState.RUNNING, -1, null);
  }

  public static TaskStatus success(String id) {
    return new TaskStatus(id, TaskState.SUCCESS, -1, null);
  }

  public static TaskStatus failure(String id, String errorMsg) {
    return new TaskStatus(id, TaskState.FAILED, -1, errorMsg);
  }

  public TaskStatus withDuration(long durationMillis) {
    return new TaskStatus(id, status, durationMillis, errorMsg);
  }

  @JsonProperty
  public String getId() {
    return id;
  }

  @JsonProperty
  public TaskState getStatus() {
    return status;
  }

  @JsonProperty
  public long getDuration() {
    return duration;
  }

  @JsonProperty
  public String getErrorMsg() {
    return errorMsg;
  }

  @JsonIgnore // derived from status; not a field of Druid's task status JSON
  public boolean isComplete() {
    return status.isComplete();
  }

  @Override
  public String toString() {
    return "TaskStatus{id=" + id + ", status=" + status + ", duration=" + duration
        + (errorMsg == null ? "" : ", errorMsg=" + errorMsg) + "}";
  }
}
