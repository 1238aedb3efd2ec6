package io.kafkaindexing.supervisor.http;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.indexing.kafka.KafkaPartition;
import io.kafkaindexing.indexing.kafka.PartitionOffsets;
import java.util.Locale;
import java.util.Map;

/**
 * The body of {@code POST /supervisor/{id}/resetOffsets}, Druid's data source metadata shape:
 * {@code {"type":"kafka","partitions":{"type":"end","stream":"metrics","partitionOffsetMap":{"0":100}}}}.
 * Immutable.
 */
record ResetOffsetsRequest(PartitionOffsets offsets) {
  @JsonCreator
  static ResetOffsetsRequest of(@JsonProperty("type") String type, @JsonProperty("partitions") Partitions partitions) {
    if (type != null && !type.toLowerCase(Locale.ROOT).equals("kafka")) {
      throw DruidException.invalidInput("type[%s] is not supported: use \"kafka\"", type);
    }
    if (partitions == null || partitions.stream == null || partitions.partitionOffsetMap == null
        || partitions.partitionOffsetMap.isEmpty()) {
      throw DruidException.invalidInput("partitions.stream and partitions.partitionOffsetMap are required");
    }
    for (Map.Entry<KafkaPartition, Long> e : partitions.partitionOffsetMap.entrySet()) {
      if (e.getValue() == null || e.getValue() < 0) {
        throw DruidException.invalidInput("partitions.partitionOffsetMap[%s] must be a non-negative offset",
            e.getKey());
      }
    }
    return new ResetOffsetsRequest(new PartitionOffsets(partitions.stream, partitions.partitionOffsetMap));
  }

  /** The {@code partitions} object. */
  static final class Partitions {
    final String stream;
    final Map<KafkaPartition, Long> partitionOffsetMap;

    @JsonCreator
    Partitions(@JsonProperty("type") String type, @JsonProperty("stream") String stream,
        @JsonProperty("partitionOffsetMap") Map<KafkaPartition, Long> partitionOffsetMap) {
      this.stream = stream;
      this.partitionOffsetMap = partitionOffsetMap;
    }
  }
}
