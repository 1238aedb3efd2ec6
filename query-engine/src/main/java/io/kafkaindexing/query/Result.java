package io.kafkaindexing.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/**
 * One timestamped result entry, Druid's {@code {"timestamp": ISO-8601 UTC, "result": value}}. The
 * timestamp is null only for a timeseries grand-total row. It is written in its own time zone (UTC
 * unless a period granularity's {@code timeZone} put it in another, as Druid writes such buckets:
 * {@code 2013-08-31T00:00:00.000-07:00}), or as epoch millis when the query's context asks for
 * {@code serializeDateTimeAsLong}. Immutable when its value is.
 */
@JsonPropertyOrder({"timestamp", "result"})
public final class Result<T> {
  private final DateTime timestamp;
  private final T value;
  private final boolean asMillis;

  public Result(long timestampMillis, T value) {
    this(new DateTime(timestampMillis, DateTimeZone.UTC), value, false);
  }

  private Result(DateTime timestamp, T value, boolean asMillis) {
    this.timestamp = timestamp;
    this.value = value;
    this.asMillis = asMillis;
  }

  /** A result without timestamp ({@code "timestamp": null}), e.g. a grand-total row. */
  public static <T> Result<T> withoutTimestamp(T value) {
    return new Result<>(null, value, false);
  }

  /** This result with its timestamp in {@code zone} (the same instant); a result without timestamp stays so. */
  public Result<T> inZone(DateTimeZone zone) {
    return timestamp == null ? this : new Result<>(timestamp.withZone(zone), value, asMillis);
  }

  /** This result with {@code value} instead, written with its timestamp as epoch millis. */
  public <V> Result<V> withMillisTimestamp(V newValue) {
    return new Result<>(timestamp, newValue, true);
  }

  @JsonIgnore
  public DateTime getTimestamp() {
    return timestamp;
  }

  /** The timestamp as written: ISO-8601 in its zone, epoch millis, or null. */
  @JsonProperty("timestamp")
  Object jsonTimestamp() {
    return timestamp == null ? null : asMillis ? (Object) timestamp.getMillis() : timestamp.toString();
  }

  /** The timestamp in millis; must not be called on a result without timestamp. */
  @JsonIgnore
  public long getTimestampMillis() {
    return timestamp.getMillis();
  }

  @JsonIgnore
  public boolean hasTimestamp() {
    return timestamp != null;
  }

  @JsonProperty("result")
  public T getValue() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Result<?> that && Objects.equals(millis(), that.millis()) && Objects.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(millis(), value);
  }

  private Long millis() {
    return timestamp == null ? null : timestamp.getMillis();
  }

  @Override
  public String toString() {
    return "Result{timestamp=" + timestamp + ", result=" + value + "}";
  }
}
