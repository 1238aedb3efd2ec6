package io.kafkaindexing.indexing.task;

import io.kafkaindexing.segment.SegmentId;

/**
 * Tells a task when a segment it published is served by a Historical, so it can stop serving its
 * own copy (handoff). Thread-safe.
 */
public interface HandoffWatcher {
  /**
   * Waits until {@code id} is served by a Historical, at most {@code timeoutMillis} (0: no limit).
   *
   * @return true if it is served, false if the wait timed out
   */
  boolean awaitHandoff(SegmentId id, long timeoutMillis) throws InterruptedException;
}
