package io.kafkaindexing.segment.spec;

/**
 * A fast path for the ISO-8601 shapes streams carry almost always, read without Joda-Time:
 * {@code yyyy-MM-dd}, optionally followed by a separator ({@code T}, or also a space when
 * {@code spaceSeparator}) and {@code HH:mm:ss}, an optional fraction of the second ({@code .} or
 * {@code ,} and 1 to 9 digits, truncated to milliseconds) and an optional offset ({@code Z},
 * {@code ±HH}, {@code ±HH:mm}, {@code ±HHmm}). Fields must be in range (a real day of the month,
 * hours 0–23, minutes and seconds 0–59, offsets below 24 hours); the proleptic Gregorian calendar
 * in UTC, as Joda's {@code ISOChronology.getInstanceUTC()}.
 *
 * <p>Anything else (other shapes, out-of-range fields, surrounding spaces or quotes) returns
 * {@link #NOT_HANDLED} and the caller parses with Joda, so results and error messages are those of
 * the Joda parser; {@code IsoTimestampsTest} checks equality with it on random and edge inputs.
 * Profiled: Joda's ISO parser took 10% of the task thread's samples in the 2,000,000-row bench
 * (docs/benchmarks.md). Stateless and thread-safe.
 */
final class IsoTimestamps {
  /** Returned when the input is not one of the shapes read here. */
  static final long NOT_HANDLED = Long.MIN_VALUE;

  private static final long MILLIS_PER_DAY = 86_400_000L;
  /** Days from 0000-03-01 to 1970-01-01 in the proleptic Gregorian calendar. */
  private static final long DAYS_0000_TO_1970 = 719_468L;

  private IsoTimestamps() {}

  /** Epoch millis of {@code s}, or {@link #NOT_HANDLED}. */
  static long parse(String s, boolean spaceSeparator) {
    int length = s.length();
    if (length < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return NOT_HANDLED;
    }
    int year = digits4(s, 0);
    int month = digits2(s, 5);
    int day = digits2(s, 8);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
      return NOT_HANDLED;
    }
    long millis = epochDay(year, month, day) * MILLIS_PER_DAY;
    if (length == 10) {
      return millis;
    }
    char separator = s.charAt(10);
    if (length < 19 || !(separator == 'T' || (spaceSeparator && separator == ' '))
        || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return NOT_HANDLED;
    }
    int hour = digits2(s, 11);
    int minute = digits2(s, 14);
    int second = digits2(s, 17);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return NOT_HANDLED;
    }
    millis += hour * 3_600_000L + minute * 60_000L + second * 1000L;
    int pos = 19;
    if (pos < length && (s.charAt(pos) == '.' || s.charAt(pos) == ',')) {
      int start = ++pos;
      int fraction = 0;
      while (pos < length && pos - start < 9 && isDigit(s.charAt(pos))) {
        if (pos - start < 3) {
          fraction = fraction * 10 + (s.charAt(pos) - '0');
        }
        pos++;
      }
      int count = pos - start;
      if (count == 0 || (pos < length && isDigit(s.charAt(pos)))) {
        return NOT_HANDLED;
      }
      for (int i = count; i < 3; i++) {
        fraction *= 10;
      }
      millis += fraction;
    }
    if (pos == length) {
      return millis;
    }
    long offset = offsetMillis(s, pos);
    return offset == NOT_HANDLED ? NOT_HANDLED : millis - offset;
  }

  /** The offset that ends {@code s} at {@code pos}: Z, ±HH, ±HH:mm or ±HHmm; else NOT_HANDLED. */
  private static long offsetMillis(String s, int pos) {
    int rest = s.length() - pos;
    char sign = s.charAt(pos);
    if (sign == 'Z') {
      return rest == 1 ? 0 : NOT_HANDLED;
    }
    if ((sign != '+' && sign != '-') || (rest != 3 && rest != 5 && rest != 6)) {
      return NOT_HANDLED;
    }
    int hours = digits2(s, pos + 1);
    int minutes = 0;
    if (rest == 5) {
      minutes = digits2(s, pos + 3);
    } else if (rest == 6) {
      minutes = s.charAt(pos + 3) == ':' ? digits2(s, pos + 4) : -1;
    }
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) {
      return NOT_HANDLED;
    }
    long offset = hours * 3_600_000L + minutes * 60_000L;
    return sign == '-' ? -offset : offset;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The number of two ASCII digits at {@code at}, or -1. */
  private static int digits2(String s, int at) {
    char a = s.charAt(at);
    char b = s.charAt(at + 1);
    return isDigit(a) && isDigit(b) ? (a - '0') * 10 + (b - '0') : -1;
  }

  private static int digits4(String s, int at) {
    int high = digits2(s, at);
    int low = digits2(s, at + 2);
    return high < 0 || low < 0 ? -1 : high * 100 + low;
  }

  private static int lengthOfMonth(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date with a year of 0 to 9999. */
  private static long epochDay(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    int shiftedMonth = month > 2 ? month - 3 : month + 9;
    long dayOfYear = (153L * shiftedMonth + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - DAYS_0000_TO_1970;
  }
}
