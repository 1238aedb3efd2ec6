package io.kafkaindexing.segment.row;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An {@link InputRow} over a map of raw values. Immutable if the given map is not modified. */
public final class MapBasedInputRow implements InputRow {
  private final long timestamp;
  private final List<String> dimensions;
  private final Map<String, Object> event;

  public MapBasedInputRow(long timestamp, List<String> dimensions, Map<String, Object> event) {
    this.timestamp = timestamp;
    this.dimensions = List.copyOf(dimensions);
    this.event = Objects.requireNonNull(event, "event");
  }

  @Override
  public long getTimestampFromEpoch() {
    return timestamp;
  }

  @Override
  public List<String> getDimensions() {
    return dimensions;
  }

  @Override
  public Object getRaw(String column) {
    return event.get(column);
  }

  public Map<String, Object> getEvent() {
    return event;
  }

  @Override
  public String toString() {
    return "MapBasedInputRow{timestamp=" + timestamp + ", event=" + event + "}";
  }
}
