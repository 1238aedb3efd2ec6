package io.kafkaindexing.query.extraction;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Objects;
import java.util.TimeZone;
import org.joda.time.DateTime;
import org.joda.time.format.DateTimeFormat;
import org.joda.time.format.DateTimeFormatter;

/**
 * Druid's time parsing extraction function, {@code {"type": "time", "timeFormat", "resultFormat",
 * "joda"}}: parses the value with {@code timeFormat} and prints it with {@code resultFormat}, both
 * {@link SimpleDateFormat} patterns (lenient) unless {@code joda} is true, in UTC. A value that does
 * not parse is returned as it is; null and empty give null. Immutable and thread-safe (the
 * SimpleDateFormats are per thread).
 */
public final class TimeParseExtractionFn implements ExtractionFn {
  private final String timeFormat;
  private final String resultFormat;
  private final boolean joda;
  private final DateTimeFormatter jodaParser;
  private final DateTimeFormatter jodaPrinter;
  private final ThreadLocal<SimpleDateFormat> parser;
  private final ThreadLocal<SimpleDateFormat> printer;

  @JsonCreator
  public TimeParseExtractionFn(@JsonProperty("timeFormat") String timeFormat,
      @JsonProperty("resultFormat") String resultFormat, @JsonProperty("joda") Boolean joda) {
    if (timeFormat == null || resultFormat == null) {
      throw DruidException.invalidInput("Extraction function of type[time] needs the fields[timeFormat] and "
          + "[resultFormat]");
    }
    this.timeFormat = timeFormat;
    this.resultFormat = resultFormat;
    this.joda = Boolean.TRUE.equals(joda);
    try {
      this.jodaParser = this.joda ? DateTimeFormat.forPattern(timeFormat).withZoneUTC() : null;
      this.jodaPrinter = this.joda ? DateTimeFormat.forPattern(resultFormat).withZoneUTC() : null;
      if (!this.joda) {
        simple(timeFormat);
        simple(resultFormat);
      }
    } catch (IllegalArgumentException e) {
      throw DruidException.invalidInput("Extraction function of type[time] has an invalid field[timeFormat] or "
          + "[resultFormat]: %s", e.getMessage());
    }
    this.parser = ThreadLocal.withInitial(() -> simple(timeFormat));
    this.printer = ThreadLocal.withInitial(() -> simple(resultFormat));
  }

  private static SimpleDateFormat simple(String pattern) {
    SimpleDateFormat format = new SimpleDateFormat(pattern);
    format.setTimeZone(TimeZone.getTimeZone("UTC"));
    format.setLenient(true);
    return format;
  }

  @JsonProperty
  public String getTimeFormat() {
    return timeFormat;
  }

  @JsonProperty
  public String getResultFormat() {
    return resultFormat;
  }

  @JsonProperty
  public boolean isJoda() {
    return joda;
  }

  @Override
  public String apply(Object value) {
    String s = ExtractionFns.str(value);
    if (s == null || s.isEmpty()) {
      return null;
    }
    if (joda) {
      try {
        DateTime time = jodaParser.parseDateTime(s);
        return jodaPrinter.print(time);
      } catch (IllegalArgumentException e) {
        return s;
      }
    }
    Date date;
    try {
      date = parser.get().parse(s);
    } catch (ParseException e) {
      return s;
    }
    return printer.get().format(date);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimeParseExtractionFn that && timeFormat.equals(that.timeFormat)
        && resultFormat.equals(that.resultFormat) && joda == that.joda;
  }

  @Override
  public int hashCode() {
    return Objects.hash(timeFormat, resultFormat, joda);
  }
}
