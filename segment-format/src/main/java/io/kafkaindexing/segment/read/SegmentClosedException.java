package io.kafkaindexing.segment.read;

/**
 * Thrown by {@link Segment#open()} when the segment was closed after a reader found it, e.g. a
 * task's persisted part released once its rows were handed off. The rows have moved on (the
 * handed-off segment is announced before the task's copy is closed), so a reader looks the
 * segments up again and retries rather than failing.
 */
public final class SegmentClosedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public SegmentClosedException(String message) {
    super(message);
  }
}
