package io.kafkaindexing.segment.granularity;

import java.util.List;
import org.joda.time.Interval;

/**
 * {@code all}: one bucket for all time. Its bucket start is the earliest representable instant,
 * as in Druid; result merging that needs a timestamp uses the first result's own. Stateless.
 */
public final class AllGranularity extends Granularity {
  /** Druid's {@code DateTimes.MIN}/{@code MAX} ({@code Long.MIN_VALUE / 2}, {@code Long.MAX_VALUE / 2}). */
  public static final long MIN_MILLIS = Long.MIN_VALUE / 2;
  public static final long MAX_MILLIS = Long.MAX_VALUE / 2;

  static final AllGranularity INSTANCE = new AllGranularity();

  private AllGranularity() {}

  @Override
  public long bucketStart(long timeMillis) {
    return MIN_MILLIS;
  }

  @Override
  public long increment(long bucketStartMillis) {
    return MAX_MILLIS;
  }

  /** One bucket: the interval itself (Druid reports it with the interval's start). */
  @Override
  public Iterable<Interval> getIterable(Interval interval) {
    return List.of(interval);
  }

  @Override
  public String toString() {
    return "all";
  }
}
