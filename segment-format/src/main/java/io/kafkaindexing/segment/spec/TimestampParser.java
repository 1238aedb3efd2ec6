package io.kafkaindexing.segment.spec;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.Function;
import org.joda.time.DateTimeZone;
import org.joda.time.format.DateTimeFormat;
import org.joda.time.format.DateTimeFormatter;
import org.joda.time.format.ISODateTimeFormat;

/**
 * Turns a raw timestamp value into epoch millis for one {@code timestampSpec.format}, with Druid's
 * formats: {@code auto} (ISO-8601, or a number / all-digit string as millis), {@code iso},
 * {@code millis}, {@code posix} (seconds), {@code micro}, {@code nano}, {@code ruby} (fractional
 * seconds) and any Joda-Time pattern (UTC unless the pattern carries a zone). Thread-safe.
 */
public final class TimestampParser {
  private static final DateTimeFormatter ISO =
      ISODateTimeFormat.dateTimeParser().withOffsetParsed().withZone(DateTimeZone.UTC);

  private final Function<Object, Long> parse;

  private TimestampParser(Function<Object, Long> parse) {
    this.parse = parse;
  }

  /** The parser for a format name or pattern; an invalid pattern fails naming it. */
  public static TimestampParser forFormat(String format) {
    String f = format == null ? "auto" : format;
    switch (f.toLowerCase(Locale.ROOT)) {
      case "auto":
        return new TimestampParser(TimestampParser::auto);
      case "iso":
        return new TimestampParser(v -> iso(v.toString()));
      case "millis":
        return new TimestampParser(v -> number(v).longValue());
      case "posix":
        return new TimestampParser(v -> Math.multiplyExact(number(v).longValue(), 1000L));
      case "micro":
        return new TimestampParser(v -> number(v).longValue() / 1000L);
      case "nano":
        return new TimestampParser(v -> number(v).longValue() / 1_000_000L);
      case "ruby":
        return new TimestampParser(v -> new BigDecimal(v.toString().trim()).movePointRight(3).longValue());
      default:
        DateTimeFormatter pattern;
        try {
          pattern = DateTimeFormat.forPattern(f).withZone(DateTimeZone.UTC);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("Invalid timestampSpec.format[" + f + "]: " + e.getMessage(), e);
        }
        return new TimestampParser(v -> pattern.parseMillis(v.toString().trim()));
    }
  }

  /**
   * Epoch millis of {@code value}.
   *
   * @throws IllegalArgumentException if the value cannot be read in this format
   */
  public long parse(Object value) {
    if (value == null) {
      throw new IllegalArgumentException("timestamp is null");
    }
    try {
      return parse.apply(value);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new IllegalArgumentException("Cannot parse timestamp[" + value + "]: " + e.getMessage(), e);
    }
  }

  private static long auto(Object v) {
    if (v instanceof Number n) {
      return n.longValue();
    }
    String s = v.toString().trim();
    if (isInteger(s)) {
      return Long.parseLong(s);
    }
    return iso(s);
  }

  private static long iso(String s) {
    String t = s.trim();
    int space = t.indexOf(' ');
    if (space == 10) {
      t = t.substring(0, 10) + 'T' + t.substring(11); // SQL style "2018-03-06 09:57:58"
    }
    return ISO.parseMillis(t);
  }

  private static Number number(Object v) {
    if (v instanceof Number n) {
      return n;
    }
    String s = v.toString().trim();
    return isInteger(s) ? (Number) Long.parseLong(s) : (Number) new BigDecimal(s);
  }

  private static boolean isInteger(String s) {
    if (s.isEmpty() || s.length() > 19) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9') && !(i == 0 && c == '-' && s.length() > 1)) {
        return false;
      }
    }
    return true;
  }
}
