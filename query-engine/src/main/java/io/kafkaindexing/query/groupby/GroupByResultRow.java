package io.kafkaindexing.query.groupby;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/**
 * A groupBy result as Druid writes it: {@code {"version": "v1", "timestamp", "event": {...}}}, the
 * timestamp in its own time zone, or as epoch millis with {@code asMillis} (see
 * {@link io.kafkaindexing.query.Result}). Immutable.
 */
@JsonPropertyOrder({"version", "timestamp", "event"})
public record GroupByResultRow(@JsonIgnore DateTime timestamp, @JsonProperty("event") Map<String, Object> event,
    @JsonIgnore boolean asMillis) {
  public GroupByResultRow(long timestampMillis, Map<String, Object> event) {
    this(new DateTime(timestampMillis, DateTimeZone.UTC), event, false);
  }

  /** This row with its timestamp in {@code zone} (the same instant). */
  public GroupByResultRow inZone(DateTimeZone zone) {
    return new GroupByResultRow(timestamp.withZone(zone), event, asMillis);
  }

  /** This row written with its timestamp as epoch millis. */
  public GroupByResultRow withMillisTimestamp() {
    return new GroupByResultRow(timestamp, event, true);
  }

  /** The timestamp as written: ISO-8601 in its zone, or epoch millis. */
  @JsonProperty("timestamp")
  public Object jsonTimestamp() {
    return asMillis ? (Object) timestamp.getMillis() : timestamp.toString();
  }

  @JsonProperty("version")
  public String version() {
    return "v1";
  }
}
