package io.kafkaindexing.indexing.kafka;

import java.util.Map;
import java.util.TreeMap;

/**
 * How the supervisor steers a running task's read loop, as Druid's task chat does: pause it at a
 * record boundary (to read stable current offsets), set the end offsets (exclusive) it reads up to,
 * and resume. The loop calls {@link #awaitIfPaused()} between polls, once it has indexed every
 * record it read.
 *
 * <p>Thread-safe: every field is guarded by {@code this}.
 */
final class ReadControl {
  private Map<KafkaPartition, Long> endOffsets;
  private boolean pauseRequested;
  private boolean paused;
  private boolean closed;

  ReadControl(Map<KafkaPartition, Long> endOffsets) {
    this.endOffsets = Map.copyOf(endOffsets);
  }

  synchronized Map<KafkaPartition, Long> endOffsets() {
    return endOffsets;
  }

  /** Asks the loop to pause and waits until it has, at most {@code timeoutMillis}; true if paused. */
  synchronized boolean pause(long timeoutMillis) throws InterruptedException {
    pauseRequested = true;
    notifyAll();
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (!paused && !closed) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return paused;
  }

  /** Sets the end offsets of the given partitions (others keep theirs) and resumes the loop. */
  synchronized void setEndOffsetsAndResume(Map<KafkaPartition, Long> ends) {
    Map<KafkaPartition, Long> next = new TreeMap<>(endOffsets);
    next.putAll(ends);
    endOffsets = Map.copyOf(next);
    resume();
  }

  synchronized void resume() {
    pauseRequested = false;
    notifyAll();
  }

  /** Called by the loop: blocks while a pause is requested; returns at once when none is. */
  synchronized void awaitIfPaused() throws InterruptedException {
    while (pauseRequested && !closed) {
      paused = true;
      notifyAll();
      wait();
    }
    paused = false;
  }

  /** Whether a pause waits for the loop: it then finishes what it read ahead before {@link #awaitIfPaused()}. */
  synchronized boolean pauseRequested() {
    return pauseRequested && !closed;
  }

  synchronized boolean isPaused() {
    return paused;
  }

  /** The loop ended: nobody waits for it any more. */
  synchronized void close() {
    closed = true;
    notifyAll();
  }
}
