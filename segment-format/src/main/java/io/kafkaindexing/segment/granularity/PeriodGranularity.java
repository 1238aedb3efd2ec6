package io.kafkaindexing.segment.granularity;

import java.util.Objects;
import org.joda.time.Chronology;
import org.joda.time.DateTimeZone;
import org.joda.time.Period;
import org.joda.time.chrono.ISOChronology;

/**
 * {@code {"type":"period","period":"PT1H","timeZone":"UTC","origin":null}} and the named
 * granularities ({@code hour} = PT1H in UTC). Buckets of a single-field period (P3M, PT15M, P1W...)
 * are aligned to the calendar in {@code timeZone}, counted from {@code origin} when one is given
 * (else from the epoch in that zone). Immutable and thread-safe.
 */
public final class PeriodGranularity extends Granularity {
  private final Period period;
  private final DateTimeZone timeZone;
  private final Long originMillis;
  private final Chronology chronology;
  private final long fixedMillis;

  public PeriodGranularity(Period period, Long originMillis, DateTimeZone timeZone) {
    this.period = Objects.requireNonNull(period, "period");
    this.timeZone = timeZone == null ? DateTimeZone.UTC : timeZone;
    this.originMillis = originMillis;
    this.chronology = ISOChronology.getInstance(this.timeZone);
    if (period.getYears() == 0 && period.getMonths() == 0 && period.getWeeks() == 0 && period.getDays() == 0) {
      this.fixedMillis = period.toStandardDuration().getMillis();
      if (fixedMillis <= 0) {
        throw new IllegalArgumentException("Granularity period must be positive, got[" + period + "]");
      }
    } else {
      this.fixedMillis = -1;
      if (countFields(period) != 1) {
        throw new IllegalArgumentException("Granularity period[" + period
            + "] mixes years, months, weeks or days with other fields; use a single-field period");
      }
    }
  }

  private static int countFields(Period p) {
    int n = 0;
    for (int v : p.getValues()) {
      if (v != 0) {
        n++;
      }
    }
    return n;
  }

  public Period period() {
    return period;
  }

  public DateTimeZone timeZone() {
    return timeZone;
  }

  public Long originMillis() {
    return originMillis;
  }

  @Override
  public long bucketStart(long t) {
    if (fixedMillis > 0) {
      if (originMillis != null) {
        return originMillis + Math.floorDiv(t - originMillis, fixedMillis) * fixedMillis;
      }
      if (timeZone.isFixed()) {
        long origin = -timeZone.getOffset(0L);
        return origin + Math.floorDiv(t - origin, fixedMillis) * fixedMillis;
      }
      // A zone with DST: align to local wall-clock boundaries (e.g. day-aligned hours).
      long local = timeZone.convertUTCToLocal(t);
      return timeZone.convertLocalToUTC(Math.floorDiv(local, fixedMillis) * fixedMillis, false, t);
    }
    return calendarBucketStart(t);
  }

  private long calendarBucketStart(long t) {
    long origin = originMillis != null ? originMillis : chronology.getDateTimeMillis(1970, 1, 1, 0);
    long start;
    if (period.getYears() > 0) {
      int years = chronology.years().getDifference(t, origin);
      start = chronology.years().add(origin, Math.floorDiv(years, period.getYears()) * period.getYears());
    } else if (period.getMonths() > 0) {
      int months = chronology.months().getDifference(t, origin);
      start = chronology.months().add(origin, Math.floorDiv(months, period.getMonths()) * period.getMonths());
    } else if (period.getWeeks() > 0) {
      long originWeek = originMillis != null ? origin : chronology.weekOfWeekyear().roundFloor(origin);
      int weeks = chronology.weeks().getDifference(t, originWeek);
      start = chronology.weeks().add(originWeek, Math.floorDiv(weeks, period.getWeeks()) * period.getWeeks());
    } else {
      int days = chronology.days().getDifference(t, origin);
      start = chronology.days().add(origin, Math.floorDiv(days, period.getDays()) * period.getDays());
    }
    // getDifference truncates toward zero; step back one bucket if we overshot.
    while (start > t) {
      start = chronology.add(period, start, -1);
    }
    return start;
  }

  @Override
  public long increment(long bucketStartMillis) {
    if (fixedMillis > 0) {
      return bucketStartMillis + fixedMillis;
    }
    return chronology.add(period, bucketStartMillis, 1);
  }

  /** True when this is one of Druid's named granularities (serialized by name). */
  boolean isStandard() {
    return originMillis == null && timeZone.equals(DateTimeZone.UTC) && Granularities.nameOf(period) != null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PeriodGranularity that && period.equals(that.period) && timeZone.equals(that.timeZone)
        && Objects.equals(originMillis, that.originMillis);
  }

  @Override
  public int hashCode() {
    return Objects.hash(period, timeZone, originMillis);
  }

  @Override
  public String toString() {
    return isStandard() ? Granularities.nameOf(period) : "period(" + period + ", " + timeZone + ")";
  }
}
