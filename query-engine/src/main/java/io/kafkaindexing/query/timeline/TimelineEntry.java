package io.kafkaindexing.query.timeline;

import io.kafkaindexing.segment.SegmentId;
import io.kafkaindexing.segment.read.Segment;
import java.util.Objects;
import org.joda.time.Interval;

/**
 * One segment a query reads and the part of a query interval it covers (the query interval clipped
 * to the segment's interval). Immutable.
 */
public record TimelineEntry(SegmentId id, Segment segment, Interval interval) {
  public TimelineEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(segment, "segment");
    Objects.requireNonNull(interval, "interval");
  }
}
