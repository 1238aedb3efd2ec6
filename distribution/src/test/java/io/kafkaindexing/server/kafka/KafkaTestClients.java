package io.kafkaindexing.server.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Real Kafka clients against a test broker: create and describe topics, produce, read everything. */
final class KafkaTestClients {
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  private KafkaTestClients() {}

  static void createTopic(String bootstrapServers, String topic, int partitions) throws Exception {
    try (Admin admin = admin(bootstrapServers)) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
          .all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  static TopicDescription describeTopic(String bootstrapServers, String topic) throws Exception {
    try (Admin admin = admin(bootstrapServers)) {
      return admin.describeTopics(List.of(topic)).allTopicNames()
          .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
    }
  }

  static int brokerCount(String bootstrapServers) throws Exception {
    try (Admin admin = admin(bootstrapServers)) {
      return admin.describeCluster().nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
    }
  }

  /** Sends {@code records} (each value to the given partition, or to the default partitioner if null). */
  static List<RecordMetadata> produce(String bootstrapServers, List<ProducerRecord<String, String>> records)
      throws Exception {
    Map<String, Object> config = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    List<RecordMetadata> sent = new ArrayList<>();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      for (ProducerRecord<String, String> record : records) {
        sent.add(producer.send(record).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
      }
    }
    return sent;
  }

  /**
   * Reads every partition of {@code topic} from the beginning until {@code expected} records arrived
   * or the timeout passed, and returns what was read (so a failing assertion shows it).
   */
  static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, String topic, int expected)
      throws Exception {
    List<ConsumerRecord<String, String>> read = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = fromBeginning(bootstrapServers, topic)) {
      long deadlineNs = System.nanoTime() + TIMEOUT.toNanos();
      while (read.size() < expected && System.nanoTime() < deadlineNs) {
        consumer.poll(Duration.ofMillis(500)).forEach(read::add);
      }
    }
    return read;
  }

  /** Reads every partition of {@code topic} from the beginning up to its end offsets as of the call. */
  static List<ConsumerRecord<String, String>> readToEnd(String bootstrapServers, String topic) throws Exception {
    List<ConsumerRecord<String, String>> read = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = fromBeginning(bootstrapServers, topic)) {
      Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment(), TIMEOUT);
      long deadlineNs = System.nanoTime() + TIMEOUT.toNanos();
      while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey(), TIMEOUT) < e.getValue())
          && System.nanoTime() < deadlineNs) {
        consumer.poll(Duration.ofMillis(200)).forEach(read::add);
      }
    }
    return read;
  }

  /** A consumer (no group) assigned every partition of {@code topic}, at the beginning of each. */
  private static KafkaConsumer<String, String> fromBeginning(String bootstrapServers, String topic) throws Exception {
    int partitions = describeTopic(bootstrapServers, topic).partitions().size();
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
    List<TopicPartition> assignment = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      assignment.add(new TopicPartition(topic, p));
    }
    consumer.assign(assignment);
    consumer.seekToBeginning(assignment);
    return consumer;
  }

  private static Admin admin(String bootstrapServers) {
    return Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }
}
