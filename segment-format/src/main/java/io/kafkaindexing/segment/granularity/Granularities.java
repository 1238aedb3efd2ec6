package io.kafkaindexing.segment.granularity;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.joda.time.Period;

/** Druid's named granularities ({@code GranularityType}) and their periods. Stateless. */
public final class Granularities {
  private static final Map<String, Period> NAMED = new LinkedHashMap<>();

  static {
    NAMED.put("SECOND", Period.seconds(1));
    NAMED.put("MINUTE", Period.minutes(1));
    NAMED.put("FIVE_MINUTE", Period.minutes(5));
    NAMED.put("TEN_MINUTE", Period.minutes(10));
    NAMED.put("FIFTEEN_MINUTE", Period.minutes(15));
    NAMED.put("THIRTY_MINUTE", Period.minutes(30));
    NAMED.put("HOUR", Period.hours(1));
    NAMED.put("SIX_HOUR", Period.hours(6));
    NAMED.put("EIGHT_HOUR", Period.hours(8));
    NAMED.put("DAY", Period.days(1));
    NAMED.put("WEEK", Period.weeks(1));
    NAMED.put("MONTH", Period.months(1));
    NAMED.put("QUARTER", Period.months(3));
    NAMED.put("YEAR", Period.years(1));
  }

  public static final Granularity NONE = NoneGranularity.INSTANCE;
  public static final Granularity ALL = AllGranularity.INSTANCE;
  public static final Granularity MINUTE = fromName("minute");
  public static final Granularity HOUR = fromName("hour");
  public static final Granularity DAY = fromName("day");

  private Granularities() {}

  /** The granularity with a simple name, any letter case; fails naming the accepted names. */
  public static Granularity fromName(String name) {
    if (name == null) {
      throw new IllegalArgumentException("Granularity name is null");
    }
    String upper = name.trim().toUpperCase(Locale.ROOT);
    if (upper.equals("NONE")) {
      return NONE;
    }
    if (upper.equals("ALL")) {
      return ALL;
    }
    Period period = NAMED.get(upper);
    if (period == null) {
      throw new IllegalArgumentException("Unknown granularity[" + name + "]: expected one of none, all, "
          + String.join(", ", NAMED.keySet()).toLowerCase(Locale.ROOT) + ", or a period/duration object");
    }
    return new PeriodGranularity(period, null, null);
  }

  /** The upper-case name of a named period, or null. */
  static String nameOf(Period period) {
    for (Map.Entry<String, Period> e : NAMED.entrySet()) {
      if (e.getValue().equals(period)) {
        return e.getKey();
      }
    }
    return null;
  }
}
