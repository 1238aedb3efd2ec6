package io.kafkaindexing.indexing.kafka;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.indexing.input.InputFormat;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.joda.time.DateTime;

/**
 * What one Kafka indexing task reads: its task group, the base sequence name shared by its
 * replicas, start offsets (inclusive) and end offsets (exclusive; {@link PartitionOffsets#UNBOUNDED}
 * until the supervisor sets them), the consumer properties, the poll timeout, the input format, and
 * Druid's {@code minimumMessageTime} / {@code maximumMessageTime}: rows before the first or after the
 * second are thrown away (the supervisor derives them from its late and early message rejection
 * settings when it creates the task group; null means no bound), and the optional
 * {@code deadLetterTopic} (beyond Druid) that receives records whose rows were unparseable or thrown
 * away. Immutable. {@link #toString()} never prints consumer properties (they may hold secrets).
 */
@com.fasterxml.jackson.annotation.JsonPropertyOrder({"type", "taskGroupId", "baseSequenceName", "startSequenceNumbers",
    "endSequenceNumbers", "consumerProperties", "pollTimeout", "inputFormat", "minimumMessageTime",
    "maximumMessageTime", "deadLetterTopic"})
public final class KafkaIndexTaskIOConfig {
  private final int taskGroupId;
  private final String baseSequenceName;
  private final PartitionOffsets startSequenceNumbers;
  private final PartitionOffsets endSequenceNumbers;
  private final Map<String, Object> consumerProperties;
  private final long pollTimeout;
  private final InputFormat inputFormat;
  private final DateTime minimumMessageTime;
  private final DateTime maximumMessageTime;
  private final String deadLetterTopic;

  @JsonCreator
  public KafkaIndexTaskIOConfig(@JsonProperty("taskGroupId") Integer taskGroupId,
      @JsonProperty("baseSequenceName") String baseSequenceName,
      @JsonProperty("startSequenceNumbers") PartitionOffsets startSequenceNumbers,
      @JsonProperty("endSequenceNumbers") PartitionOffsets endSequenceNumbers,
      @JsonProperty("consumerProperties") Map<String, Object> consumerProperties,
      @JsonProperty("pollTimeout") Long pollTimeout,
      @JsonProperty("inputFormat") InputFormat inputFormat,
      @JsonProperty("minimumMessageTime") DateTime minimumMessageTime,
      @JsonProperty("maximumMessageTime") DateTime maximumMessageTime,
      @JsonProperty("deadLetterTopic") String deadLetterTopic) {
    this.taskGroupId = taskGroupId == null ? 0 : taskGroupId;
    this.baseSequenceName = Objects.requireNonNull(baseSequenceName, "baseSequenceName");
    this.startSequenceNumbers = Objects.requireNonNull(startSequenceNumbers, "startSequenceNumbers");
    this.endSequenceNumbers = Objects.requireNonNull(endSequenceNumbers, "endSequenceNumbers");
    if (!startSequenceNumbers.getStream().equals(endSequenceNumbers.getStream())) {
      throw new IllegalArgumentException("start and end offsets must be for the same topic");
    }
    // Kept as given, like the supervisor's: null values allowed (Map.copyOf refuses them), order kept.
    this.consumerProperties = Collections.unmodifiableMap(
        new LinkedHashMap<>(Objects.requireNonNull(consumerProperties, "consumerProperties")));
    this.pollTimeout = pollTimeout == null ? 100L : pollTimeout;
    this.inputFormat = Objects.requireNonNull(inputFormat, "inputFormat");
    if (minimumMessageTime != null && maximumMessageTime != null && minimumMessageTime.isAfter(maximumMessageTime)) {
      throw new IllegalArgumentException("ioConfig.minimumMessageTime[" + minimumMessageTime
          + "] is after ioConfig.maximumMessageTime[" + maximumMessageTime + "]");
    }
    this.minimumMessageTime = minimumMessageTime;
    this.maximumMessageTime = maximumMessageTime;
    this.deadLetterTopic = deadLetterTopic;
  }

  /** Whether {@link #topic()} is a topic pattern (partitions keyed {@code topic:partition}). */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isMultiTopic() {
    return startSequenceNumbers.isMultiTopic();
  }

  @JsonProperty("type")
  public String getType() {
    return "kafka";
  }

  @JsonProperty
  public int getTaskGroupId() {
    return taskGroupId;
  }

  @JsonProperty
  public String getBaseSequenceName() {
    return baseSequenceName;
  }

  @JsonProperty
  public PartitionOffsets getStartSequenceNumbers() {
    return startSequenceNumbers;
  }

  @JsonProperty
  public PartitionOffsets getEndSequenceNumbers() {
    return endSequenceNumbers;
  }

  @JsonProperty
  public Map<String, Object> getConsumerProperties() {
    return consumerProperties;
  }

  @JsonProperty
  public long getPollTimeout() {
    return pollTimeout;
  }

  @JsonProperty
  public InputFormat getInputFormat() {
    return inputFormat;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public DateTime getMinimumMessageTime() {
    return minimumMessageTime;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public DateTime getMaximumMessageTime() {
    return maximumMessageTime;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public String getDeadLetterTopic() {
    return deadLetterTopic;
  }

  public String topic() {
    return startSequenceNumbers.getStream();
  }

  @Override
  public String toString() {
    return "KafkaIndexTaskIOConfig{taskGroupId=" + taskGroupId + ", start=" + startSequenceNumbers
        + ", end=" + endSequenceNumbers + ", minimumMessageTime=" + minimumMessageTime + ", maximumMessageTime="
        + maximumMessageTime + "}";
  }
}
