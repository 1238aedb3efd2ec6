package io.kafkaindexing.indexing.kafka;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Comparator;
import java.util.Objects;
import org.apache.kafka.common.TopicPartition;

/**
 * A partition a supervisor reads, keyed as Druid keys offsets: {@code "3"} for partition 3 of the
 * spec's one {@code topic}, {@code "clicks:3"} for partition 3 of topic {@code clicks} when the spec
 * has a {@code topicPattern} (Druid's multi-topic ingestion). The topic is null for the first form;
 * the stream (the spec's topic) supplies it when Kafka is asked. Immutable; ordered by topic (none
 * first), then partition.
 */
public record KafkaPartition(String topic, int partition) implements Comparable<KafkaPartition> {
  private static final Comparator<KafkaPartition> ORDER = Comparator
      .comparing(KafkaPartition::topic, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
      .thenComparingInt(KafkaPartition::partition);

  public KafkaPartition {
    if (partition < 0) {
      throw new IllegalArgumentException("partition[" + partition + "] must not be negative");
    }
  }

  /** Partition {@code partition} of the spec's single topic. */
  public static KafkaPartition of(int partition) {
    return new KafkaPartition(null, partition);
  }

  /** Single-topic keys for a map by partition number, sorted. */
  public static java.util.SortedMap<KafkaPartition, Long> keyed(java.util.Map<Integer, Long> byPartition) {
    java.util.SortedMap<KafkaPartition, Long> out = new java.util.TreeMap<>();
    byPartition.forEach((p, o) -> out.put(of(p), o));
    return out;
  }

  /** A record's partition: topic-qualified when the stream is a topic pattern. */
  public static KafkaPartition of(boolean multiTopic, String topic, int partition) {
    return new KafkaPartition(multiTopic ? topic : null, partition);
  }

  /** Parses Druid's key: {@code "3"} or {@code "topic:3"} (the last colon separates). */
  @JsonCreator
  public static KafkaPartition fromString(String key) {
    int colon = key.lastIndexOf(':');
    try {
      return colon < 0 ? of(Integer.parseInt(key.trim()))
          : new KafkaPartition(key.substring(0, colon), Integer.parseInt(key.substring(colon + 1).trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Partition[" + key + "] is not a partition number or topic:partition", e);
    }
  }

  public boolean isMultiTopic() {
    return topic != null;
  }

  /**
   * The task group reading this partition, as Druid assigns them: {@code partition % taskCount} for
   * a single topic, {@code abs(31 * topic.hashCode() + partition) % taskCount} for a pattern.
   */
  public int taskGroup(int taskCount) {
    return topic == null ? partition % taskCount : Math.abs((31 * topic.hashCode() + partition) % taskCount);
  }

  /** The Kafka partition; {@code stream} is the topic when this key has none. */
  public TopicPartition toTopicPartition(String stream) {
    return new TopicPartition(topic == null ? stream : topic, partition);
  }

  @Override
  public int compareTo(KafkaPartition o) {
    return ORDER.compare(this, o);
  }

  @JsonValue
  @Override
  public String toString() {
    return topic == null ? Integer.toString(partition) : topic + ":" + partition;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KafkaPartition that && partition == that.partition && Objects.equals(topic, that.topic);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hashCode(topic) + partition;
  }
}
