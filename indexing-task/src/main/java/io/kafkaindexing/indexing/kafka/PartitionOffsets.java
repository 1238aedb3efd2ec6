package io.kafkaindexing.indexing.kafka;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Offsets per partition of one topic, in Druid's JSON shape
 * ({@code {"stream": "metrics", "partitionOffsetMap": {"0": 42}}}). As a start it is the first
 * offset to read (inclusive); as an end, the offset to stop before (exclusive). Immutable.
 */
public final class PartitionOffsets {
  /** The end offset of a partition read without bound. */
  public static final long UNBOUNDED = Long.MAX_VALUE;

  private final String stream;
  private final Map<Integer, Long> partitionOffsetMap;

  @JsonCreator
  public PartitionOffsets(@JsonProperty("stream") String stream,
      @JsonProperty("partitionOffsetMap") Map<Integer, Long> partitionOffsetMap) {
    this.stream = Objects.requireNonNull(stream, "stream");
    this.partitionOffsetMap = partitionOffsetMap == null ? Map.of()
        : java.util.Collections.unmodifiableMap(new TreeMap<>(partitionOffsetMap));
  }

  @JsonProperty
  public String getStream() {
    return stream;
  }

  @JsonProperty
  public Map<Integer, Long> getPartitionOffsetMap() {
    return partitionOffsetMap;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PartitionOffsets that && stream.equals(that.stream)
        && partitionOffsetMap.equals(that.partitionOffsetMap);
  }

  @Override
  public int hashCode() {
    return Objects.hash(stream, partitionOffsetMap);
  }

  @Override
  public String toString() {
    return stream + partitionOffsetMap;
  }
}
