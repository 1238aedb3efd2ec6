package io.kafkaindexing.query.groupby;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.util.Map;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/**
 * A groupBy result as Druid writes it: {@code {"version": "v1", "timestamp", "event": {...}}}, the
 * timestamp in its own time zone (see {@link io.kafkaindexing.query.Result}). Immutable.
 */
@JsonPropertyOrder({"version", "timestamp", "event"})
public record GroupByResultRow(
    @JsonProperty("timestamp") @JsonSerialize(using = ToStringSerializer.class) DateTime timestamp,
    @JsonProperty("event") Map<String, Object> event) {
  public GroupByResultRow(long timestampMillis, Map<String, Object> event) {
    this(new DateTime(timestampMillis, DateTimeZone.UTC), event);
  }

  /** This row with its timestamp in {@code zone} (the same instant). */
  public GroupByResultRow inZone(DateTimeZone zone) {
    return new GroupByResultRow(timestamp.withZone(zone), event);
  }

  @JsonProperty("version")
  public String version() {
    return "v1";
  }
}
