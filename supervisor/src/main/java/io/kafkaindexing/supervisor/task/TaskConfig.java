package io.kafkaindexing.supervisor.task;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.File;

/**
 * {@code druid.indexer.task.*}: {@code baseTaskDir} (default {@code var/druid/task}) holds one
 * working directory per running task (its persisted rows). Immutable.
 */
public final class TaskConfig {
  private final File baseTaskDir;

  @JsonCreator
  public TaskConfig(@JsonProperty("baseTaskDir") String baseTaskDir) {
    this.baseTaskDir = new File(baseTaskDir == null || baseTaskDir.isBlank() ? "var/druid/task" : baseTaskDir);
  }

  public File baseTaskDir() {
    return baseTaskDir;
  }
}
