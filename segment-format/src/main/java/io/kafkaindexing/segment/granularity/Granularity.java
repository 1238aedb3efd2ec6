package io.kafkaindexing.segment.granularity;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;

/**
 * A way of cutting time into buckets: {@code none} (one bucket per millisecond), {@code all} (one
 * bucket for all time), a named period such as {@code hour}, or a {@code period} / {@code duration}
 * object. JSON forms and serialization follow Druid (see {@link GranularityJson}). Immutable and
 * thread-safe.
 */
@JsonSerialize(using = GranularityJson.Serializer.class)
@JsonDeserialize(using = GranularityJson.Deserializer.class)
public abstract class Granularity {
  /** The start of the bucket holding {@code timeMillis}. */
  public abstract long bucketStart(long timeMillis);

  /** The start of the bucket after the one starting at {@code bucketStartMillis}. */
  public abstract long increment(long bucketStartMillis);

  /** The bucket holding {@code timeMillis} as an interval (UTC chronology). */
  public Interval bucket(long timeMillis) {
    long start = bucketStart(timeMillis);
    return new Interval(start, increment(start), DateTimeZone.UTC);
  }

  public DateTime bucketStart(DateTime time) {
    return new DateTime(bucketStart(time.getMillis()), DateTimeZone.UTC);
  }

  /** The end (exclusive) of the bucket holding {@code timeMillis}. */
  public long bucketEnd(long timeMillis) {
    return increment(bucketStart(timeMillis));
  }

  /**
   * The buckets a query over {@code interval} visits, in time order: from the bucket holding its
   * start to the one holding its last instant, as Druid's {@code Granularity.getIterable}. Lazy:
   * {@code none} over a long interval yields one bucket per millisecond.
   */
  public Iterable<Interval> getIterable(Interval interval) {
    long end = interval.getEndMillis();
    long first = bucketStart(interval.getStartMillis());
    return () -> new Iterator<>() {
      private long next = first;

      @Override
      public boolean hasNext() {
        return next < end;
      }

      @Override
      public Interval next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        long start = next;
        next = increment(start);
        return new Interval(start, next, DateTimeZone.UTC);
      }
    };
  }

  /** Parses a simple name ({@code hour}, {@code fifteen_minute}, {@code all}...), any letter case. */
  public static Granularity fromString(String name) {
    return Granularities.fromName(name);
  }
}
