package io.kafkaindexing.query;

import io.kafkaindexing.segment.SegmentId;
import io.kafkaindexing.segment.read.SegmentView;
import java.util.Objects;
import org.joda.time.Interval;

/**
 * What a query engine reads for one segment: the segment's id, an open view of its data and the
 * part of one query interval the segment covers (the query interval clipped to the segment's
 * interval), as Druid's per-segment runners see a segment descriptor. Valid while the view is open.
 */
public record QuerySegment(SegmentId id, SegmentView view, Interval interval) {
  public QuerySegment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(view, "view");
    Objects.requireNonNull(interval, "interval");
  }
}
