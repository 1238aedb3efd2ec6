package io.kafkaindexing.indexing.kafka;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Offsets per partition of one topic, in Druid's JSON shape
 * ({@code {"stream": "metrics", "partitionOffsetMap": {"0": 42}}}), or of the topics matching a
 * pattern ({@code {"stream": "metrics-.*", "partitionOffsetMap": {"metrics-a:0": 42}}}). As a start it is the first
 * offset to read (inclusive); as an end, the offset to stop before (exclusive). Immutable.
 */
public final class PartitionOffsets {
  /** The end offset of a partition read without bound. */
  public static final long UNBOUNDED = Long.MAX_VALUE;

  private final String stream;
  private final Map<KafkaPartition, Long> partitionOffsetMap;

  @JsonCreator
  public PartitionOffsets(@JsonProperty("stream") String stream,
      @JsonProperty("partitionOffsetMap") Map<KafkaPartition, Long> partitionOffsetMap) {
    this.stream = Objects.requireNonNull(stream, "stream");
    this.partitionOffsetMap = partitionOffsetMap == null ? Map.of()
        : java.util.Collections.unmodifiableMap(new TreeMap<>(partitionOffsetMap));
  }

  /** Offsets of partitions of one topic, keyed by partition number. */
  public static PartitionOffsets of(String topic, Map<Integer, Long> byPartition) {
    return new PartitionOffsets(topic, KafkaPartition.keyed(byPartition));
  }

  @JsonProperty
  public String getStream() {
    return stream;
  }

  @JsonProperty
  public Map<KafkaPartition, Long> getPartitionOffsetMap() {
    return partitionOffsetMap;
  }

  /** Whether the keys are {@code topic:partition} (Druid's multi-topic ingestion with a topic pattern). */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isMultiTopic() {
    return partitionOffsetMap.keySet().stream().anyMatch(KafkaPartition::isMultiTopic);
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
