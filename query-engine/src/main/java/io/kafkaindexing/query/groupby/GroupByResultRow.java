package io.kafkaindexing.query.groupby;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/** A groupBy result as Druid writes it: {@code {"version": "v1", "timestamp", "event": {...}}}. Immutable. */
@JsonPropertyOrder({"version", "timestamp", "event"})
public record GroupByResultRow(@JsonProperty("timestamp") DateTime timestamp,
    @JsonProperty("event") Map<String, Object> event) {
  public GroupByResultRow(long timestampMillis, Map<String, Object> event) {
    this(new DateTime(timestampMillis, DateTimeZone.UTC), event);
  }

  @JsonProperty("version")
  public String version() {
    return "v1";
  }
}
