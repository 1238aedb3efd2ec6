package io.kafkaindexing.server.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts real single-node KRaft brokers on free loopback ports and talks to them with real clients. */
class EmbeddedKafkaBrokerIT {
  private static final String TOPIC = "events";

  @TempDir
  Path dataDir;

  @Test
  void recordsAndTopicsSurviveRestartOnTheSameDataDirectory() throws Exception {
    String clusterId;
    try (EmbeddedKafkaBroker broker = newBroker()) {
      broker.start();
      String bootstrap = broker.bootstrapServers();
      assertTrue(bootstrap.startsWith("127.0.0.1:"), bootstrap);
      assertNotEquals(0, broker.port());
      assertNotEquals(broker.port(), broker.controllerPort());
      assertEquals(1, KafkaTestClients.brokerCount(bootstrap));

      KafkaTestClients.createTopic(bootstrap, TOPIC, 2);
      assertEquals(2, KafkaTestClients.describeTopic(bootstrap, TOPIC).partitions().size());
      List<RecordMetadata> sent = KafkaTestClients.produce(bootstrap, records(0, 10));
      assertEquals(Map.of(0, 5L, 1, 5L), countByPartition(sent));
      assertEquals(expectedValues(0, 10), values(KafkaTestClients.readAll(bootstrap, TOPIC, 10)));
      clusterId = broker.clusterId();

      broker.stop();
      assertFalse(broker.isRunning());
      broker.stop(); // idempotent
      assertThrows(IllegalStateException.class, broker::bootstrapServers);
    }

    assertEquals(clusterId, Files.readString(dataDir.resolve("cluster.id"), StandardCharsets.UTF_8).trim());

    // A new broker on the same directory, as after a process restart (on other free ports).
    try (EmbeddedKafkaBroker restarted = newBroker()) {
      restarted.start();
      String bootstrap = restarted.bootstrapServers();
      assertEquals(clusterId, restarted.clusterId());
      assertEquals(2, KafkaTestClients.describeTopic(bootstrap, TOPIC).partitions().size());
      assertEquals(expectedValues(0, 10), values(KafkaTestClients.readAll(bootstrap, TOPIC, 10)));

      // Offsets continue where they were: no record was lost or rewritten.
      List<RecordMetadata> more = KafkaTestClients.produce(bootstrap, records(10, 12));
      assertEquals(5L, more.get(0).offset());
      assertEquals(5L, more.get(1).offset());
      assertEquals(expectedValues(0, 12), values(KafkaTestClients.readAll(bootstrap, TOPIC, 12)));

      // The same instance can be stopped and started again too.
      restarted.stop();
      restarted.start();
      assertEquals(expectedValues(0, 12),
          values(KafkaTestClients.readAll(restarted.bootstrapServers(), TOPIC, 12)));
    }
  }

  @Test
  void createsTopicsAutomaticallyWithTheConfiguredPartitionCount() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
        .port(0).controllerPort(0).dataDir(dataDir).numPartitions(3).build()) {
      broker.start();
      broker.start(); // already running: no-op
      String bootstrap = broker.bootstrapServers();
      KafkaTestClients.produce(bootstrap, List.of(new ProducerRecord<>("auto-created", "k", "v")));
      assertEquals(3, KafkaTestClients.describeTopic(bootstrap, "auto-created").partitions().size());
      assertEquals(List.of("v"), values(KafkaTestClients.readAll(bootstrap, "auto-created", 1)));
    }
  }

  @Test
  void refusesAPortInUseInsteadOfLettingKafkaHaltTheJvm() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
            .port(taken.getLocalPort()).controllerPort(0).dataDir(dataDir).build()) {
      IllegalStateException e = assertThrows(IllegalStateException.class, broker::start);
      assertTrue(e.getMessage().contains("port[" + taken.getLocalPort() + "]"), e.getMessage());
      assertFalse(broker.isRunning());
    }
  }

  @Test
  void refusesADataDirectoryInUseByAnotherBroker() throws Exception {
    try (EmbeddedKafkaBroker first = newBroker(); EmbeddedKafkaBroker second = newBroker()) {
      first.start();
      IllegalStateException e = assertThrows(IllegalStateException.class, second::start);
      assertTrue(e.getMessage().contains("in use"), e.getMessage());
      assertEquals(1, KafkaTestClients.brokerCount(first.bootstrapServers()));
    }
  }

  @Test
  void compactsTopicsWithAnOffsetMapSmallerThanKafkasDefault() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().port(0).controllerPort(0).dataDir(dataDir)
        .brokerProperty("log.cleaner.backoff.ms", "100").build()) {
      broker.start();
      String bootstrap = broker.bootstrapServers();
      try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
        ConfigResource node = new ConfigResource(ConfigResource.Type.BROKER, "1");
        Config config = admin.describeConfigs(List.of(node)).all().get(60, TimeUnit.SECONDS).get(node);
        assertEquals(Integer.toString(16 * 1024 * 1024), config.get("log.cleaner.dedupe.buffer.size").value());
        admin.createTopics(List.of(new NewTopic("compacted", 1, (short) 1).configs(Map.of(
            "cleanup.policy", "compact", "segment.ms", "100", "min.cleanable.dirty.ratio", "0.01"))))
            .all().get(60, TimeUnit.SECONDS);
      }
      List<ProducerRecord<String, String>> updates = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        updates.add(new ProducerRecord<>("compacted", 0, "key-" + (i % 10), "value-" + i));
      }
      KafkaTestClients.produce(bootstrap, updates);
      Thread.sleep(200);
      // rolls the segment holding the updates, so that the cleaner may compact it
      KafkaTestClients.produce(bootstrap, List.of(new ProducerRecord<>("compacted", 0, "key-0", "value-200")));

      long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      Map<String, String> latest;
      int read;
      do {
        List<ConsumerRecord<String, String>> records = KafkaTestClients.readToEnd(bootstrap, "compacted");
        read = records.size();
        latest = new TreeMap<>();
        for (ConsumerRecord<String, String> r : records) {
          latest.put(r.key(), r.value());
        }
      } while (read > 11 && System.nanoTime() < deadlineNs);
      assertTrue(read <= 11, "the cleaner left " + read + " of 201 records");
      assertEquals("value-200", latest.get("key-0"));
      for (int k = 1; k < 10; k++) {
        assertEquals("value-" + (190 + k), latest.get("key-" + k));
      }
    }
  }

  private EmbeddedKafkaBroker newBroker() {
    return EmbeddedKafkaBroker.builder().host("127.0.0.1").port(0).controllerPort(0).dataDir(dataDir).build();
  }

  /** Records {@code from..to-1}, even numbers to partition 0 and odd ones to partition 1. */
  private static List<ProducerRecord<String, String>> records(int from, int to) {
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    for (int i = from; i < to; i++) {
      records.add(new ProducerRecord<>(TOPIC, i % 2, "key-" + i, "value-" + i));
    }
    return records;
  }

  private static List<String> expectedValues(int from, int to) {
    List<String> values = new ArrayList<>();
    for (int i = from; i < to; i++) {
      values.add("value-" + i);
    }
    return values.stream().sorted().toList();
  }

  private static List<String> values(List<ConsumerRecord<String, String>> records) {
    return records.stream().map(ConsumerRecord::value).sorted().collect(Collectors.toList());
  }

  private static Map<Integer, Long> countByPartition(List<RecordMetadata> sent) {
    return sent.stream().collect(Collectors.groupingBy(RecordMetadata::partition, TreeMap::new, Collectors.counting()));
  }
}
