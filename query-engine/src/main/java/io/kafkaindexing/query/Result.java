package io.kafkaindexing.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/**
 * One timestamped result entry, Druid's {@code {"timestamp": ISO-8601 UTC, "result": value}}.
 * Immutable when its value is.
 */
@JsonPropertyOrder({"timestamp", "result"})
public final class Result<T> {
  private final DateTime timestamp;
  private final T value;

  public Result(long timestampMillis, T value) {
    this.timestamp = new DateTime(timestampMillis, DateTimeZone.UTC);
    this.value = value;
  }

  @JsonProperty("timestamp")
  public DateTime getTimestamp() {
    return timestamp;
  }

  @JsonIgnore
  public long getTimestampMillis() {
    return timestamp.getMillis();
  }

  @JsonProperty("result")
  public T getValue() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Result<?> that && timestamp.getMillis() == that.timestamp.getMillis()
        && Objects.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(timestamp.getMillis(), value);
  }

  @Override
  public String toString() {
    return "Result{timestamp=" + timestamp + ", result=" + value + "}";
  }
}
