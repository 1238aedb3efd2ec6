package io.kafkaindexing.query.engine;

import io.kafkaindexing.query.QuerySegment;
import io.kafkaindexing.segment.granularity.AllGranularity;
import io.kafkaindexing.segment.granularity.Granularity;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;

/**
 * The time buckets a per-segment engine reports, as Druid's {@code CursorGranularizer}: the query
 * interval clipped to {@code [segment min time, bucket end of segment max time)}, cut by the
 * granularity. So buckets outside the segment's data are never reported, and with {@code all} the
 * single bucket starts at the later of the interval start and the first row's time. Stateless.
 */
public final class TimeBuckets {
  private TimeBuckets() {}

  /** The clipped interval, or null when the segment has no data in the query interval's range. */
  public static Interval clip(QuerySegment segment, Granularity granularity) {
    long min = segment.view().getMinTime();
    long max = segment.view().getMaxTime();
    long dataEnd = granularity instanceof AllGranularity ? AllGranularity.MAX_MILLIS : granularity.bucketEnd(max);
    long start = Math.max(segment.interval().getStartMillis(), min);
    long end = Math.min(segment.interval().getEndMillis(), dataEnd);
    return start < end ? new Interval(start, end, DateTimeZone.UTC) : null;
  }
}
