package io.kafkaindexing.indexing.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.query.SegmentRegistry;
import java.util.Objects;

/**
 * The services a running task uses: where to announce its queryable data, how to get segment ids,
 * and the JSON mapper. Immutable.
 */
public final class TaskToolbox {
  private final SegmentRegistry segmentRegistry;
  private final SegmentAllocator segmentAllocator;
  private final ObjectMapper mapper;

  private final java.io.File taskDirectory;

  /** A toolbox without a task directory: the task keeps its rows in memory. */
  public TaskToolbox(SegmentRegistry segmentRegistry, SegmentAllocator segmentAllocator, ObjectMapper mapper) {
    this(segmentRegistry, segmentAllocator, mapper, null);
  }

  public TaskToolbox(SegmentRegistry segmentRegistry, SegmentAllocator segmentAllocator, ObjectMapper mapper,
      java.io.File taskDirectory) {
    this.segmentRegistry = Objects.requireNonNull(segmentRegistry, "segmentRegistry");
    this.segmentAllocator = Objects.requireNonNull(segmentAllocator, "segmentAllocator");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.taskDirectory = taskDirectory;
  }

  /** The task's own working directory (persisted rows), or null if it has none. */
  public java.io.File taskDirectory() {
    return taskDirectory;
  }

  public SegmentRegistry segmentRegistry() {
    return segmentRegistry;
  }

  public SegmentAllocator segmentAllocator() {
    return segmentAllocator;
  }

  public ObjectMapper mapper() {
    return mapper;
  }
}
