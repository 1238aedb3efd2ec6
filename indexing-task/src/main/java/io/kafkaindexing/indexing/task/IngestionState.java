package io.kafkaindexing.indexing.task;

/** How far a task's ingestion got, as Druid names it in {@code ingestionStatsAndErrors} reports. */
public enum IngestionState {
  /** The task has not begun reading rows. */
  NOT_STARTED,
  /** Batch only: the task is reading rows to decide partitioning. Streaming tasks never are. */
  DETERMINE_PARTITIONS,
  /** The task is reading rows into segments. */
  BUILD_SEGMENTS,
  /** The task has finished its work. */
  COMPLETED
}
