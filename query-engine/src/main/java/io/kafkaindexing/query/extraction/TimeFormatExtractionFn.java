package io.kafkaindexing.query.extraction;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.granularity.Granularity;
import java.util.Locale;
import java.util.Objects;
import org.joda.time.DateTimeZone;
import org.joda.time.chrono.ISOChronology;
import org.joda.time.format.DateTimeFormat;
import org.joda.time.format.DateTimeFormatter;
import org.joda.time.format.ISODateTimeFormat;

/**
 * {@code {"type": "timeFormat", "format", "timeZone", "locale", "granularity", "asMillis"}}: a time
 * (epoch millis, such as {@code __time}; or an ISO-8601 string; or, with {@code asMillis}, a string
 * of millis) truncated to {@code granularity} (default none) and printed with the Joda pattern
 * {@code format} (default ISO-8601) in {@code timeZone} (default UTC). Null or unparseable values
 * give null. Immutable.
 */
public final class TimeFormatExtractionFn implements ExtractionFn {
  private final String format;
  private final String timeZone;
  private final String locale;
  private final Granularity granularity;
  private final boolean asMillis;
  private final DateTimeFormatter formatter;

  @JsonCreator
  public TimeFormatExtractionFn(@JsonProperty("format") String format, @JsonProperty("timeZone") String timeZone,
      @JsonProperty("locale") String locale, @JsonProperty("granularity") Granularity granularity,
      @JsonProperty("asMillis") Boolean asMillis) {
    DateTimeZone zone;
    try {
      zone = timeZone == null ? DateTimeZone.UTC : DateTimeZone.forID(timeZone);
    } catch (IllegalArgumentException e) {
      throw DruidException.invalidInput("Unknown timeZone[%s] of a timeFormat extraction function", timeZone);
    }
    DateTimeFormatter f;
    try {
      f = format == null ? ISODateTimeFormat.dateTime() : DateTimeFormat.forPattern(format);
    } catch (IllegalArgumentException e) {
      throw DruidException.invalidInput("Invalid format[%s] of a timeFormat extraction function: %s", format,
          e.getMessage());
    }
    this.formatter = f.withZone(zone).withLocale(locale == null ? Locale.getDefault() : Locale.forLanguageTag(locale));
    this.format = format;
    this.timeZone = timeZone;
    this.locale = locale;
    this.granularity = granularity == null ? Granularities.NONE : granularity;
    this.asMillis = Boolean.TRUE.equals(asMillis);
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public String getFormat() {
    return format;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public String getTimeZone() {
    return timeZone;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public String getLocale() {
    return locale;
  }

  @JsonProperty
  public Granularity getGranularity() {
    return granularity;
  }

  @JsonProperty
  public boolean isAsMillis() {
    return asMillis;
  }

  @Override
  public String apply(Object value) {
    Long millis = millis(value);
    return millis == null ? null : formatter.print(granularity.bucketStart(millis));
  }

  private Long millis(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    String s = value.toString().trim();
    try {
      if (asMillis) {
        return Long.parseLong(s);
      }
      return new org.joda.time.DateTime(s, ISOChronology.getInstanceUTC()).getMillis();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public boolean isOneToOne() {
    return granularity == Granularities.NONE && format == null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimeFormatExtractionFn that && Objects.equals(format, that.format)
        && Objects.equals(timeZone, that.timeZone) && Objects.equals(locale, that.locale)
        && granularity.equals(that.granularity) && asMillis == that.asMillis;
  }

  @Override
  public int hashCode() {
    return Objects.hash(format, timeZone, locale, granularity, asMillis);
  }
}
