package io.kafkaindexing.indexing.task;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Map;

/**
 * A unit of work the Overlord schedules on a peon (here: a thread of the task runner). The JSON
 * form is the task payload Druid shows ({@code type}, {@code id}, {@code dataSource}...); type
 * names are registered by the module that owns the task. Implementations are safe to read from any
 * thread; {@link #run} is called once, from the runner's thread.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface Task {
  @JsonProperty
  String getId();

  /** The JSON type name, e.g. {@code index_kafka}. */
  @JsonIgnore
  String getType();

  @JsonProperty
  String getDataSource();

  /** Druid's task group id (replicas of a Kafka task group share it); the task id by default. */
  @JsonProperty(access = JsonProperty.Access.READ_ONLY)
  default String getGroupId() {
    return getId();
  }

  @JsonProperty
  Map<String, Object> getContext();

  /**
   * Runs the task to completion and says how it ended. Returns promptly after
   * {@link #stopGracefully()}.
   */
  TaskStatus run(TaskToolbox toolbox) throws Exception;

  /** Asks a running task to stop; safe from any thread, idempotent. */
  void stopGracefully();

  /**
   * The task's reports ({@code GET /druid/indexer/v1/task/{id}/reports}): live while it runs, the
   * completion reports once it ended, in Druid's shape (see {@link TaskReports}). Empty for task
   * types without reports. Safe from any thread.
   */
  default Map<String, Object> reports() {
    return Map.of();
  }
}
