package io.kafkaindexing.indexing.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads records of assigned partitions with Kafka's consumer: {@link #assign} then {@link #seek} to
 * the first offset to read (inclusive), then {@link #poll}. The stream is one topic, or with
 * {@code multiTopic} a regular expression over topic names (Druid's {@code topicPattern}), whose
 * partitions are keyed {@code topic:partition}. Also answers the earliest and latest offsets (latest
 * = the next offset to be written, exclusive) and the partition list. Not thread-safe: Kafka
 * consumers belong to one thread; the owner closes it.
 */
public final class KafkaRecordSupplier implements AutoCloseable {
  private final String stream;
  private final boolean multiTopic;
  private final Pattern topicPattern;
  private final KafkaConsumer<byte[], byte[]> consumer;

  /** A supplier for one topic. */
  public KafkaRecordSupplier(String topic, Map<String, Object> consumerProperties) {
    this(topic, false, consumerProperties);
  }

  public KafkaRecordSupplier(String stream, boolean multiTopic, Map<String, Object> consumerProperties) {
    this.stream = stream;
    this.multiTopic = multiTopic;
    this.topicPattern = multiTopic ? Pattern.compile(stream) : null;
    Map<String, Object> props = KafkaConsumerConfigs.consumerProperties(consumerProperties);
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    // Kafka loads its pluggable classes through the context class loader; in an extension class
    // loader that must be ours.
    Thread.currentThread().setContextClassLoader(KafkaRecordSupplier.class.getClassLoader());
    try {
      this.consumer = new KafkaConsumer<>(props);
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  /** The topic, or the topic pattern. */
  public String topic() {
    return stream;
  }

  /** The key of a record's partition. */
  public KafkaPartition partitionOf(String topic, int partition) {
    return KafkaPartition.of(multiTopic, topic, partition);
  }

  /**
   * The partitions of the topic, or of every topic matching the pattern (the whole name must
   * match), sorted; empty if there is none.
   */
  public List<KafkaPartition> partitions(Duration timeout) {
    List<KafkaPartition> ids = new ArrayList<>();
    if (!multiTopic) {
      List<PartitionInfo> infos = consumer.partitionsFor(stream, timeout);
      if (infos != null) {
        infos.forEach(p -> ids.add(KafkaPartition.of(p.partition())));
      }
    } else {
      for (Map.Entry<String, List<PartitionInfo>> topic : consumer.listTopics(timeout).entrySet()) {
        if (topicPattern.matcher(topic.getKey()).matches()) {
          topic.getValue().forEach(p -> ids.add(new KafkaPartition(p.topic(), p.partition())));
        }
      }
    }
    ids.sort(null);
    return ids;
  }

  public void assign(Collection<KafkaPartition> partitions) {
    consumer.assign(topicPartitions(partitions));
  }

  /** Positions {@code partition} so the next record read is at {@code offset}. */
  public void seek(KafkaPartition partition, long offset) {
    consumer.seek(partition.toTopicPartition(stream), offset);
  }

  public ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
    return consumer.poll(timeout);
  }

  /** Earliest available offset per partition (inclusive). */
  public Map<KafkaPartition, Long> earliestOffsets(Collection<KafkaPartition> partitions, Duration timeout) {
    return byPartition(consumer.beginningOffsets(topicPartitions(partitions), timeout));
  }

  /** Latest offset per partition: the offset the next record will get (exclusive end). */
  public Map<KafkaPartition, Long> latestOffsets(Collection<KafkaPartition> partitions, Duration timeout) {
    return byPartition(consumer.endOffsets(topicPartitions(partitions), timeout));
  }

  private List<TopicPartition> topicPartitions(Collection<KafkaPartition> partitions) {
    List<TopicPartition> tps = new ArrayList<>();
    partitions.forEach(p -> tps.add(p.toTopicPartition(stream)));
    return tps;
  }

  private Map<KafkaPartition, Long> byPartition(Map<TopicPartition, Long> offsets) {
    Map<KafkaPartition, Long> out = new TreeMap<>();
    offsets.forEach((tp, o) -> out.put(partitionOf(tp.topic(), tp.partition()), o));
    return out;
  }

  /** Wakes a blocked {@link #poll}; the only method safe to call from another thread. */
  public void wakeup() {
    consumer.wakeup();
  }

  @Override
  public void close() {
    consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
  }
}
