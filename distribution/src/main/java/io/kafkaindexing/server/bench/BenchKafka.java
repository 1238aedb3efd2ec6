package io.kafkaindexing.server.bench;

import io.kafkaindexing.server.kafka.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The benchmark's Kafka side: the project's embedded single-node KRaft broker on free ports under the
 * work directory, topic creation, and Kafka's own producer. Not thread-safe; one per run.
 */
public final class BenchKafka implements AutoCloseable {
  private final EmbeddedKafkaBroker broker;

  public BenchKafka(Path dataDir) throws Exception {
    broker = EmbeddedKafkaBroker.builder().host("127.0.0.1").port(0).controllerPort(0).dataDir(dataDir).build();
    broker.start();
  }

  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  public void createTopic(String topic, int partitions) throws Exception {
    try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(60, TimeUnit.SECONDS);
    }
  }

  /**
   * A producer of raw bytes. {@code lingerMs} trades latency for batching: bulk loading uses a long
   * linger and large batches, the fixed-rate phase Kafka's default linger.
   */
  public KafkaProducer<byte[], byte[]> producer(int lingerMs, int batchBytes) {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.LINGER_MS_CONFIG, lingerMs,
        ProducerConfig.BATCH_SIZE_CONFIG, batchBytes,
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
  }

  /**
   * Produces every row of {@code dataset} in order, row {@code i} to partition {@code i % partitions},
   * counting each into {@code truth}; returns once all are acknowledged.
   */
  public void produceAll(String topic, int partitions, BenchDataset dataset, GroundTruth truth) throws Exception {
    AtomicReference<Exception> failure = new AtomicReference<>();
    try (KafkaProducer<byte[], byte[]> producer = producer(20, 512 * 1024)) {
      while (dataset.hasNext() && failure.get() == null) {
        long i = dataset.next();
        truth.add(dataset);
        producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, (int) (i % partitions), null,
            dataset.jsonBytes()), (metadata, e) -> {
              if (e != null) {
                failure.compareAndSet(null, e);
              }
            });
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("Producing to topic[" + topic + "] failed", failure.get());
    }
  }

  @Override
  public void close() {
    broker.close();
  }
}
