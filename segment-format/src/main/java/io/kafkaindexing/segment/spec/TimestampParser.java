package io.kafkaindexing.segment.spec;

import java.util.Locale;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.joda.time.DateTimeZone;
import org.joda.time.chrono.ISOChronology;
import org.joda.time.format.DateTimeFormat;
import org.joda.time.format.DateTimeFormatter;
import org.joda.time.format.DateTimeFormatterBuilder;
import org.joda.time.format.DateTimeParser;
import org.joda.time.format.ISODateTimeFormat;

/**
 * Turns a raw timestamp value into epoch millis for one {@code timestampSpec.format}, with Druid's
 * semantics:
 * <ul>
 *   <li>{@code auto}: a number is millis; a string of digits only is millis; any other string is
 *       ISO-8601 with a {@code T} or a space between date and time ({@code 2018-03-06 09:57:58}),
 *       optional time, optional offset ({@code Z}, {@code +01:00}, {@code +0100}); a trailing
 *       space-separated zone id ({@code ... America/New_York}) is accepted and, as in Druid, does not
 *       change the instant (times without an offset are UTC).</li>
 *   <li>{@code iso}: ISO-8601 as Joda's {@code dateTimeParser} reads it ({@code T} separator only).</li>
 *   <li>{@code millis}, {@code posix} (seconds), {@code micro}, {@code nano}: integral numbers, or
 *       strings of an integer (fractions are truncated for numbers and refused for strings).</li>
 *   <li>{@code ruby}: seconds with a fraction ({@code 1520330278.123}).</li>
 *   <li>anything else: a Joda-Time pattern ({@code yyyy-MM-dd HH:mm:ss}), UTC unless the pattern
 *       parses a zone; numbers are read as their text.</li>
 * </ul>
 * Strings are trimmed and one pair of surrounding double quotes is removed. Empty strings are
 * refused ("null timestamp"). Format names are case-insensitive. Thread-safe.
 */
public final class TimestampParser {
  private static final Set<String> NUMERIC = Set.of("auto", "millis", "posix", "micro", "nano", "ruby");
  private static final DateTimeFormatter AUTO = autoParser().withChronology(ISOChronology.getInstanceUTC());
  private static final DateTimeFormatter ISO =
      ISODateTimeFormat.dateTimeParser().withChronology(ISOChronology.getInstanceUTC());

  private final String format;
  private final ToLongFunction<String> fromString;
  private final ToLongFunction<Number> fromNumber;

  private TimestampParser(String format, ToLongFunction<String> fromString, ToLongFunction<Number> fromNumber) {
    this.format = format;
    this.fromString = fromString;
    this.fromNumber = fromNumber;
  }

  /** The parser for a format name or pattern; an invalid pattern fails naming it. */
  public static TimestampParser forFormat(String format) {
    String f = format == null ? "auto" : format;
    String lower = f.toLowerCase(Locale.ROOT);
    ToLongFunction<Number> numeric = numeric(lower);
    switch (lower) {
      case "auto":
        return new TimestampParser(lower, TimestampParser::auto, numeric);
      case "iso":
        return new TimestampParser(lower, TimestampParser::iso, numeric);
      case "millis":
      case "posix":
      case "micro":
      case "nano":
        return new TimestampParser(lower, s -> numeric.applyAsLong(Long.parseLong(stripQuotes(s))), numeric);
      case "ruby":
        return new TimestampParser(lower, s -> numeric.applyAsLong(Double.parseDouble(stripQuotes(s))), numeric);
      default:
        DateTimeFormatter pattern;
        try {
          pattern = DateTimeFormat.forPattern(f).withChronology(ISOChronology.getInstanceUTC());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("Unable to parse timestamps with format [" + f + "]: " + e.getMessage(),
              e);
        }
        return new TimestampParser(f, s -> pattern.parseMillis(stripQuotes(s)), numeric);
    }
  }

  private static ToLongFunction<Number> numeric(String lowerFormat) {
    return switch (lowerFormat) {
      case "posix" -> n -> Math.multiplyExact(n.longValue(), 1000L);
      case "micro" -> n -> n.longValue() / 1000L;
      case "nano" -> n -> n.longValue() / 1_000_000L;
      case "ruby" -> n -> (long) (n.doubleValue() * 1000);
      default -> Number::longValue;
    };
  }

  /**
   * Epoch millis of {@code value} (a String, a Number, or anything else read as its text).
   *
   * @throws IllegalArgumentException if the value is null or cannot be read in this format
   */
  public long parse(Object value) {
    if (value == null) {
      throw new IllegalArgumentException("null timestamp");
    }
    try {
      if (value instanceof Number n && NUMERIC.contains(format)) {
        return fromNumber.applyAsLong(n);
      }
      String s = value.toString();
      if (s.isEmpty()) {
        throw new IllegalArgumentException("null timestamp");
      }
      return fromString.applyAsLong(s);
    } catch (IllegalArgumentException | ArithmeticException | IndexOutOfBoundsException e) {
      throw new IllegalArgumentException("Cannot parse timestamp[" + value + "] with format[" + format + "]: "
          + e.getMessage(), e);
    }
  }

  private static long auto(String input) {
    long fast = IsoTimestamps.parse(input, true);
    return fast != IsoTimestamps.NOT_HANDLED ? fast : autoWithJoda(input);
  }

  private static long iso(String input) {
    long fast = IsoTimestamps.parse(input, false);
    return fast != IsoTimestamps.NOT_HANDLED ? fast : isoWithJoda(input);
  }

  /** The {@code iso} format through Joda only (what the fast path must equal). */
  static long isoWithJoda(String input) {
    return ISO.parseMillis(stripQuotes(input));
  }

  /** The {@code auto} format through Joda only (what the fast path must equal). */
  static long autoWithJoda(String input) {
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (c < '0' || c > '9') {
        String s = stripQuotes(input);
        int space = s.lastIndexOf(' ');
        if (space > 0 && isZoneId(s.substring(space + 1))) {
          s = s.substring(0, space);
        }
        return AUTO.parseMillis(s);
      }
    }
    return Long.parseLong(input);
  }

  private static boolean isZoneId(String id) {
    try {
      DateTimeZone.forID(id);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Trims, and removes one pair of surrounding double quotes (then trims again). */
  static String stripQuotes(String input) {
    String s = input.trim();
    if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
      s = s.substring(1, s.length() - 1).trim();
    }
    return s;
  }

  /** Date, then optionally 'T' or ' ' with an optional time and an optional offset, as Druid's auto format. */
  private static DateTimeFormatter autoParser() {
    DateTimeParser offset = new DateTimeFormatterBuilder().appendTimeZoneOffset("Z", true, 2, 4).toParser();
    DateTimeParser separator = new DateTimeFormatterBuilder()
        .append(null, new DateTimeParser[] {
            new DateTimeFormatterBuilder().appendLiteral('T').toParser(),
            new DateTimeFormatterBuilder().appendLiteral(' ').toParser()})
        .toParser();
    DateTimeParser timeOrOffset = new DateTimeFormatterBuilder()
        .append(separator)
        .appendOptional(ISODateTimeFormat.timeElementParser().getParser())
        .appendOptional(offset)
        .toParser();
    return new DateTimeFormatterBuilder()
        .append(ISODateTimeFormat.dateElementParser())
        .appendOptional(timeOrOffset)
        .toFormatter();
  }

  @Override
  public String toString() {
    return "TimestampParser{" + format + "}";
  }
}
