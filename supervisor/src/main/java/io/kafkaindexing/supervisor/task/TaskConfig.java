package io.kafkaindexing.supervisor.task;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.File;

/**
 * {@code druid.indexer.task.*}: {@code baseTaskDir} (default {@code var/druid/task}) holds one
 * working directory per running task (its persisted rows); {@code warmUpRows} (default 0: none) is
 * how many synthetic rows {@link IngestionWarmUpService} ingests at start-up. Immutable.
 */
public final class TaskConfig {
  private final File baseTaskDir;
  private final int warmUpRows;

  @JsonCreator
  public TaskConfig(@JsonProperty("baseTaskDir") String baseTaskDir, @JsonProperty("warmUpRows") Integer warmUpRows) {
    this.baseTaskDir = new File(baseTaskDir == null || baseTaskDir.isBlank() ? "var/druid/task" : baseTaskDir);
    if (warmUpRows != null && warmUpRows < 0) {
      throw new IllegalArgumentException("druid.indexer.task.warmUpRows must be 0 or more, got " + warmUpRows);
    }
    this.warmUpRows = warmUpRows == null ? 0 : warmUpRows;
  }

  public File baseTaskDir() {
    return baseTaskDir;
  }

  public int warmUpRows() {
    return warmUpRows;
  }
}
