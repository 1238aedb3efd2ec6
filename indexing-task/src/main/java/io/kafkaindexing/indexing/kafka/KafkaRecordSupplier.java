package io.kafkaindexing.indexing.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads records of assigned partitions of one topic with Kafka's consumer: {@link #assign} then
 * {@link #seek} to the first offset to read (inclusive), then {@link #poll}. Also answers the
 * earliest and latest offsets (latest = the next offset to be written, exclusive) and the partition
 * list. Not thread-safe: Kafka consumers belong to one thread; the owner closes it.
 */
public final class KafkaRecordSupplier implements AutoCloseable {
  private final String topic;
  private final KafkaConsumer<byte[], byte[]> consumer;

  public KafkaRecordSupplier(String topic, Map<String, Object> consumerProperties) {
    this.topic = topic;
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

  public String topic() {
    return topic;
  }

  /** The topic's partition ids, sorted; empty if the topic does not exist. */
  public List<Integer> partitions(Duration timeout) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
    List<Integer> ids = new ArrayList<>();
    if (infos != null) {
      infos.forEach(p -> ids.add(p.partition()));
    }
    ids.sort(null);
    return ids;
  }

  public void assign(Collection<Integer> partitions) {
    List<TopicPartition> tps = new ArrayList<>();
    partitions.forEach(p -> tps.add(new TopicPartition(topic, p)));
    consumer.assign(tps);
  }

  /** Positions {@code partition} so the next record read is at {@code offset}. */
  public void seek(int partition, long offset) {
    consumer.seek(new TopicPartition(topic, partition), offset);
  }

  public ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
    return consumer.poll(timeout);
  }

  /** Earliest available offset per partition (inclusive). */
  public Map<Integer, Long> earliestOffsets(Collection<Integer> partitions, Duration timeout) {
    return byPartition(consumer.beginningOffsets(topicPartitions(partitions), timeout));
  }

  /** Latest offset per partition: the offset the next record will get (exclusive end). */
  public Map<Integer, Long> latestOffsets(Collection<Integer> partitions, Duration timeout) {
    return byPartition(consumer.endOffsets(topicPartitions(partitions), timeout));
  }

  private List<TopicPartition> topicPartitions(Collection<Integer> partitions) {
    List<TopicPartition> tps = new ArrayList<>();
    partitions.forEach(p -> tps.add(new TopicPartition(topic, p)));
    return tps;
  }

  private static Map<Integer, Long> byPartition(Map<TopicPartition, Long> offsets) {
    Map<Integer, Long> out = new TreeMap<>();
    offsets.forEach((tp, o) -> out.put(tp.partition(), o));
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
