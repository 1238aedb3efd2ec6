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
  private final Publishing publishing;

  /** How a task publishes and hands off its segments; absent for tasks that keep rows in memory. */
  public record Publishing(SegmentPusher pusher, SegmentPublishAction publishAction, HandoffWatcher handoff) {
    public Publishing {
      Objects.requireNonNull(pusher, "pusher");
      Objects.requireNonNull(publishAction, "publishAction");
      Objects.requireNonNull(handoff, "handoff");
    }
  }

  /** A toolbox without a task directory: the task keeps its rows in memory and never publishes. */
  public TaskToolbox(SegmentRegistry segmentRegistry, SegmentAllocator segmentAllocator, ObjectMapper mapper) {
    this(segmentRegistry, segmentAllocator, mapper, null, null);
  }

  public TaskToolbox(SegmentRegistry segmentRegistry, SegmentAllocator segmentAllocator, ObjectMapper mapper,
      java.io.File taskDirectory, Publishing publishing) {
    this.segmentRegistry = Objects.requireNonNull(segmentRegistry, "segmentRegistry");
    this.segmentAllocator = Objects.requireNonNull(segmentAllocator, "segmentAllocator");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.taskDirectory = taskDirectory;
    this.publishing = publishing;
  }

  /** How to publish and hand off, or null: the task's rows are dropped when it ends. */
  public Publishing publishing() {
    return publishing;
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
