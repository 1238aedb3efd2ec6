package io.kafkaindexing.server;

import io.kafkaindexing.core.config.RuntimeProperties;
import io.kafkaindexing.core.guice.NodeRole;
import io.kafkaindexing.server.kafka.EmbeddedKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A real Kafka broker and the real server, on free ports under one directory, for end-to-end
 * tests: start, restart the server on the same state, produce with Kafka's producer, stop.
 */
final class TestCluster implements AutoCloseable {
  static final Path SEED = Path.of(System.getProperty("fixtures.dir", "../src/test/resources"), "seed");

  private final Path dir;
  private final Map<String, String> extraProperties;
  private final EmbeddedKafkaBroker kafka;
  private EmbeddedServer server;

  TestCluster(Path dir, Map<String, String> extraProperties) throws Exception {
    this(dir, extraProperties, b -> b.port(0).controllerPort(0));
  }

  /** With the Kafka broker configured by {@code kafkaSettings} (ports, listeners, broker properties). */
  TestCluster(Path dir, Map<String, String> extraProperties,
      java.util.function.UnaryOperator<EmbeddedKafkaBroker.Builder> kafkaSettings) throws Exception {
    this.dir = dir;
    this.extraProperties = Map.copyOf(extraProperties);
    this.kafka = kafkaSettings.apply(EmbeddedKafkaBroker.builder()).dataDir(dir.resolve("kafka")).build();
    kafka.start();
    Files.createDirectories(dir.resolve("extensions"));
    startServer();
  }

  void startServer() throws Exception {
    Map<String, String> props = new HashMap<>(Map.of(
        "druid.server.bindAddress", "127.0.0.1",
        "druid.server.overlordPort", "0",
        "druid.server.brokerPort", "0",
        "druid.metadata.storage.connector.connectURI", "jdbc:derby:" + dir.resolve("metadata.db") + ";create=true",
        "druid.extensions.directory", dir.resolve("extensions").toString(),
        "druid.indexer.task.baseTaskDir", dir.resolve("task").toString(),
        "druid.storage.storageDirectory", dir.resolve("segments").toString(),
        "druid.segmentCache.locations", dir.resolve("segment-cache").toString(),
        "druid.indexer.logs.directory", dir.resolve("task-logs").toString()));
    props.putAll(extraProperties);
    server = EmbeddedServer.start(new RuntimeProperties(props));
  }

  void stopServer() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  String overlord() {
    return server.url(NodeRole.OVERLORD);
  }

  String broker() {
    return server.url(NodeRole.BROKER);
  }

  String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  Path dir() {
    return dir;
  }

  void createTopic(String topic, int partitions) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(60, TimeUnit.SECONDS);
    }
  }

  /** Sends each value to {@code topic} (partition chosen by {@code partitionOf}, null: the default). */
  void produce(String topic, List<String> values, java.util.function.IntFunction<Integer> partitionOf)
      throws Exception {
    Map<String, Object> config = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      for (int i = 0; i < values.size(); i++) {
        producer.send(new ProducerRecord<>(topic, partitionOf == null ? null : partitionOf.apply(i), null,
            values.get(i))).get(60, TimeUnit.SECONDS);
      }
    }
  }

  /** A seed fixture file's text with its Kafka address pointed at this cluster. */
  String seed(String file) throws Exception {
    return Files.readString(SEED.resolve(file), StandardCharsets.UTF_8)
        .replace("localhost:9092", kafka.bootstrapServers());
  }

  @Override
  public void close() {
    stopServer();
    kafka.close();
  }
}
