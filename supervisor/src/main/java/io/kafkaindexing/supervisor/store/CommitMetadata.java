package io.kafkaindexing.supervisor.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.kafkaindexing.indexing.kafka.KafkaPartition;
import io.kafkaindexing.indexing.kafka.PartitionOffsets;

/**
 * Druid's Kafka commit metadata, {@code {"type":"kafka","partitions":{"type":"end","stream",
 * "partitionOffsetMap"}}}, as stored in {@code druid_dataSource}. Immutable.
 */
@JsonPropertyOrder({"type", "partitions"})
record CommitMetadata(@JsonProperty("type") String type, @JsonProperty("partitions") Partitions partitions) {
  CommitMetadata(String type, PartitionOffsets offsets) {
    this(type, new Partitions("end", offsets.getStream(), offsets.getPartitionOffsetMap()));
  }

  /** The end offsets, in Druid's {@code SeekableStreamEndSequenceNumbers} shape. */
  @JsonPropertyOrder({"type", "stream", "partitionOffsetMap"})
  record Partitions(@JsonProperty("type") String type, @JsonProperty("stream") String stream,
      @JsonProperty("partitionOffsetMap") java.util.Map<KafkaPartition, Long> partitionOffsetMap) {
  }

  PartitionOffsets partitionsAsOffsets() {
    return new PartitionOffsets(partitions.stream(), partitions.partitionOffsetMap());
  }
}
