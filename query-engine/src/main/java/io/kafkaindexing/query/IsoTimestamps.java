package io.kafkaindexing.query;

import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/**
 * ISO-8601 text of result timestamps, exactly as Joda's {@link DateTime#toString()} writes it
 * ({@code 2018-03-06T00:00:00.000Z}): UTC times of years 0 to 9999 are written digit by digit
 * (the common case, cheap from the first request on); any other zone or year by Joda. Stateless.
 */
final class IsoTimestamps {
  private static final long MILLIS_PER_DAY = 86_400_000L;
  /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z in epoch millis (proleptic Gregorian, as ISO). */
  private static final long FIRST = -62_167_219_200_000L;
  private static final long END = 253_402_300_800_000L;

  private IsoTimestamps() {}

  /** {@code time.toString()}, computed directly for UTC times of years 0 to 9999. */
  static String format(DateTime time) {
    long millis = time.getMillis();
    if (time.getZone() != DateTimeZone.UTC || millis < FIRST || millis >= END) {
      return time.toString();
    }
    long day = Math.floorDiv(millis, MILLIS_PER_DAY);
    int ofDay = (int) Math.floorMod(millis, MILLIS_PER_DAY);
    java.time.LocalDate date = java.time.LocalDate.ofEpochDay(day);
    char[] out = new char[24];
    digits(out, 0, date.getYear(), 4);
    out[4] = '-';
    digits(out, 5, date.getMonthValue(), 2);
    out[7] = '-';
    digits(out, 8, date.getDayOfMonth(), 2);
    out[10] = 'T';
    digits(out, 11, ofDay / 3_600_000, 2);
    out[13] = ':';
    digits(out, 14, ofDay / 60_000 % 60, 2);
    out[16] = ':';
    digits(out, 17, ofDay / 1000 % 60, 2);
    out[19] = '.';
    digits(out, 20, ofDay % 1000, 3);
    out[23] = 'Z';
    return new String(out);
  }

  private static void digits(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
