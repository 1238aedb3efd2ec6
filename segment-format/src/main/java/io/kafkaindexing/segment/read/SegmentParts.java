package io.kafkaindexing.segment.read;

import java.util.List;

/**
 * A segment made of several parts that are queried one by one and whose results merge like those
 * of separate segments: a real-time sink's persisted pieces plus its in-memory index. Offered by
 * {@link Segment#as}; such a segment is not opened itself. {@link #parts()} is a consistent
 * snapshot: every row is in exactly one part of it. Thread-safe.
 */
public interface SegmentParts {
  /** The parts at this moment; each is an ordinary segment. */
  List<Segment> parts();

  /** The parts of {@code segment}: its own parts if it has any, else the segment itself. */
  static List<Segment> of(Segment segment) {
    SegmentParts parts = segment.as(SegmentParts.class);
    return parts == null ? List.of(segment) : parts.parts();
  }
}
