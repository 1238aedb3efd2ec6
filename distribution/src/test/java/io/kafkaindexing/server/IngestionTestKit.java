package io.kafkaindexing.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaindexing.core.config.RuntimeProperties;
import io.kafkaindexing.core.guice.NodeRole;
import io.kafkaindexing.server.kafka.EmbeddedKafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
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

/**
 * A real Kafka broker and the server, started once per test class, with what ingestion tests do as
 * a user would: create topics and produce records (keys, headers, tombstones) with Kafka's producer,
 * POST supervisor specs, and read answers over HTTP (search queries, supervisor status, task
 * reports). Every wait has a deadline.
 */
final class IngestionTestKit implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(60);

  private final EmbeddedKafkaBroker kafka;
  private final EmbeddedServer server;
  final String overlord;
  final String broker;

  private IngestionTestKit(EmbeddedKafkaBroker kafka, EmbeddedServer server) {
    this.kafka = kafka;
    this.server = server;
    this.overlord = server.url(NodeRole.OVERLORD);
    this.broker = server.url(NodeRole.BROKER);
  }

  static IngestionTestKit start(Path tmp) throws Exception {
    EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.builder().port(0).controllerPort(0).dataDir(tmp.resolve("kafka"))
        .build();
    kafka.start();
    Files.createDirectories(tmp.resolve("extensions"));
    EmbeddedServer server = EmbeddedServer.start(new RuntimeProperties(Map.of(
        "druid.server.bindAddress", "127.0.0.1",
        "druid.server.overlordPort", "0",
        "druid.server.brokerPort", "0",
        "druid.metadata.storage.connector.connectURI", "jdbc:derby:" + tmp.resolve("metadata.db") + ";create=true",
        "druid.extensions.directory", tmp.resolve("extensions").toString())));
    return new IngestionTestKit(kafka, server);
  }

  String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  void createTopic(String topic) throws Exception {
    try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        kafka.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Sends the records in order and returns where each landed. */
  List<RecordMetadata> produce(List<ProducerRecord<String, String>> records) throws Exception {
    Map<String, Object> config = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    List<RecordMetadata> sent = new ArrayList<>();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      for (ProducerRecord<String, String> r : records) {
        sent.add(producer.send(r).get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
      }
    }
    return sent;
  }

  /**
   * Reads {@code topic} (one partition) from the beginning, committed records only
   * ({@code read_committed}, as dead-letter consumers must), until {@code expected} records arrived
   * or the wait ends.
   */
  List<ConsumerRecord<String, String>> readAll(String topic, int expected) {
    List<ConsumerRecord<String, String>> read = new ArrayList<>();
    TopicPartition tp = new TopicPartition(topic, 0);
    try (KafkaConsumer<String, String> consumer = committedReader(tp)) {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (read.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(read::add);
      }
    }
    return read;
  }

  /** Reads {@code topic} (one partition) with {@code read_committed} from the beginning up to its last stable offset. */
  List<ConsumerRecord<String, String>> readCommitted(String topic) {
    List<ConsumerRecord<String, String>> read = new ArrayList<>();
    TopicPartition tp = new TopicPartition(topic, 0);
    try (KafkaConsumer<String, String> consumer = committedReader(tp)) {
      long end = consumer.endOffsets(List.of(tp)).get(tp);
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (consumer.position(tp) < end) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("Could not read " + topic + " up to offset " + end);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(read::add);
      }
    }
    return read;
  }

  /** A {@code read_committed} consumer of {@code tp}, at its beginning. */
  private KafkaConsumer<String, String> committedReader(TopicPartition tp) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
    consumer.assign(List.of(tp));
    consumer.seekToBeginning(List.of(tp));
    return consumer;
  }

  /** POSTs a supervisor spec ({@code ${bootstrap}} replaced by the broker address) and expects its id back. */
  void submit(String spec, String id) throws Exception {
    Http.Response r = Http.post(overlord + "/druid/indexer/v1/supervisor",
        spec.replace("${bootstrap}", kafka.bootstrapServers()));
    if (r.status() != 200 || !r.body().equals("{\"id\":\"" + id + "\"}")) {
      throw new AssertionError("Supervisor spec refused: " + r);
    }
  }

  /** Waits until the supervisor runs one task and returns that task's id. */
  String awaitTask(String supervisorId) throws Exception {
    Http.Response status = Http.await(() -> Http.get(overlord + "/druid/indexer/v1/supervisor/" + supervisorId
            + "/status"),
        r -> json(r).path("payload").path("activeTasks").size() == 1, WAIT);
    return json(status).get("payload").get("activeTasks").get(0).get("id").asText();
  }

  /** The live or completion report's {@code ingestionStatsAndErrors.payload} of a task. */
  JsonNode reportPayload(String taskId) throws Exception {
    Http.Response r = Http.get(overlord + "/druid/indexer/v1/task/" + taskId + "/reports");
    if (r.status() != 200) {
      throw new AssertionError("No reports for task[" + taskId + "]: " + r);
    }
    return r.json().get("ingestionStatsAndErrors").get("payload");
  }

  /** The running task's row totals. */
  JsonNode totals(String taskId) throws Exception {
    return reportPayload(taskId).get("rowStats").get("totals").get("buildSegments");
  }

  /** Waits until the task's totals satisfy {@code done}. */
  JsonNode awaitTotals(String taskId, java.util.function.Predicate<JsonNode> done) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    JsonNode last = totals(taskId);
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Totals not reached within " + WAIT + "; last: " + last);
      }
      Thread.sleep(100);
      last = totals(taskId);
    }
    return last;
  }

  /**
   * Every value of {@code dimensions} in {@code dataSource} with its row count, from a search query
   * matching everything: {@code "dim=value" -> count} (null values as {@code dim=null}).
   */
  Map<String, Integer> searchAll(String dataSource, List<String> dimensions) throws Exception {
    String query = "{\"queryType\":\"search\",\"dataSource\":\"" + dataSource + "\",\"searchDimensions\":"
        + Http.JSON.writeValueAsString(dimensions) + ",\"query\":{\"type\":\"all\"},\"granularity\":\"all\","
        + "\"intervals\":[\"2000-01-01/2100-01-01\"]}";
    Http.Response r = Http.post(broker + "/druid/v2", query);
    if (r.status() != 200) {
      throw new AssertionError("Search failed: " + r);
    }
    Map<String, Integer> hits = new TreeMap<>();
    for (JsonNode bucket : r.json()) {
      for (JsonNode hit : bucket.get("result")) {
        String value = hit.get("value").isNull() ? "null" : hit.get("value").asText();
        hits.merge(hit.get("dimension").asText() + "=" + value, hit.get("count").asInt(), Integer::sum);
      }
    }
    return hits;
  }

  /** Waits until the search answer equals {@code expected}. */
  void awaitSearch(String dataSource, List<String> dimensions, Map<String, Integer> expected) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    Map<String, Integer> last = searchAll(dataSource, dimensions);
    while (!last.equals(new TreeMap<>(expected))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Search of " + dataSource + " never gave " + new TreeMap<>(expected) + "; last: "
            + last);
      }
      Thread.sleep(100);
      last = searchAll(dataSource, dimensions);
    }
  }

  static JsonNode json(Http.Response r) {
    try {
      return r.json();
    } catch (java.io.IOException e) {
      throw new AssertionError("Not JSON: " + r, e);
    }
  }

  @Override
  public void close() {
    server.close();
    kafka.close();
  }
}
