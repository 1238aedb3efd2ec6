package io.kafkaindexing.query.historical;

import io.kafkaindexing.segment.SegmentId;
import java.time.Duration;

/**
 * Whether a published segment is served by the Historical, for a real-time task at handoff: once
 * {@link #isLoaded} is true, the Historical's copy is announced in the
 * {@link io.kafkaindexing.query.SegmentRegistry} (and queries read it rather than the task's), so the
 * task may unannounce its own copy with {@code SegmentRegistry.unannounce(id, itsSegment)} and queries
 * keep seeing every row exactly once. Thread-safe.
 */
public interface SegmentHandoff {
  /** True while the Historical serves {@code id}. */
  boolean isLoaded(SegmentId id);

  /**
   * Waits until the Historical serves {@code id}, at most {@code timeout}.
   *
   * @return true if it does, false if the timeout passed first
   */
  boolean awaitLoaded(SegmentId id, Duration timeout) throws InterruptedException;
}
