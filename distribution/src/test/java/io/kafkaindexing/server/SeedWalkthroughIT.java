package io.kafkaindexing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaindexing.core.config.RuntimeProperties;
import io.kafkaindexing.core.guice.NodeRole;
import io.kafkaindexing.server.kafka.EmbeddedKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed walkthrough, done as a user does it: a real Kafka broker, the packaged
 * {@code bin/kafka-topics} and {@code bin/kafka-console-producer} scripts, the server with the Kafka
 * indexing service extension, the seed's spec and rows from {@code src/test/resources/seed/}, and
 * plain HTTP. Asserts the exact JSON answers.
 */
class SeedWalkthroughIT {
  private static final Path SEED = Path.of(System.getProperty("fixtures.dir", "../src/test/resources"), "seed");

  @TempDir
  static Path tmp;

  private static EmbeddedKafkaBroker kafka;
  private static EmbeddedServer server;
  private static String overlord;
  private static String broker;

  @BeforeAll
  static void start() throws Exception {
    kafka = EmbeddedKafkaBroker.builder().port(0).controllerPort(0).dataDir(tmp.resolve("kafka")).build();
    kafka.start();
    Files.createDirectories(tmp.resolve("extensions"));
    startServer();
  }

  private static void startServer() throws Exception {
    server = EmbeddedServer.start(new RuntimeProperties(Map.of(
        "druid.server.bindAddress", "127.0.0.1",
        "druid.server.overlordPort", "0",
        "druid.server.brokerPort", "0",
        "druid.metadata.storage.connector.connectURI",
        "jdbc:derby:" + tmp.resolve("metadata.db") + ";create=true",
        "druid.extensions.directory", tmp.resolve("extensions").toString())));
    overlord = server.url(NodeRole.OVERLORD);
    broker = server.url(NodeRole.BROKER);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  /** The seed's spec, pointed at the test's Kafka broker instead of localhost:9092. */
  private static String seed(String file) throws Exception {
    return Files.readString(SEED.resolve(file), StandardCharsets.UTF_8)
        .replace("localhost:9092", kafka.bootstrapServers());
  }

  @Test
  void walkthrough() throws Exception {
    assertEquals("true", Http.get(overlord + "/status/health").body());
    assertEquals("true", Http.get(broker + "/status/health").body());

    ScriptRunner.Result topic = ScriptRunner.run(tmp, null, "kafka-topics", "--bootstrap-server",
        kafka.bootstrapServers(), "--create", "--topic", "metrics", "--partitions", "1", "--replication-factor", "1");
    assertEquals(0, topic.exitCode(), topic.toString());

    // The seed's literal spec: both JSON mistakes are pointed at, with line and column.
    Http.Response literal = Http.post(overlord + "/druid/indexer/v1/supervisor", seed("supervisor-spec-literal.json"));
    assertEquals(400, literal.status(), literal.body());
    String message = literal.json().get("error").asText();
    assertTrue(message.contains("was expecting double-quote to start field name at line 42, column 5"), message);
    assertTrue(message.contains("was expecting comma to separate Object entries at line 43, column 5"), message);
    assertEquals("[]", Http.get(overlord + "/druid/indexer/v1/supervisor").body());

    Http.Response created = Http.post(overlord + "/druid/indexer/v1/supervisor", seed("supervisor-spec.json"));
    assertEquals(200, created.status(), created.body());
    assertEquals("{\"id\":\"metrics-kafka\"}", created.body());
    assertEquals("[\"metrics-kafka\"]", Http.get(overlord + "/druid/indexer/v1/supervisor").body());

    JsonNode stored = Http.get(overlord + "/druid/indexer/v1/supervisor/metrics-kafka").json();
    assertEquals("kafka", stored.get("type").asText());
    assertEquals("kafka", stored.get("tuningConfig").get("type").asText());
    assertEquals(100000, stored.get("tuningConfig").get("maxRowsInMemory").asInt());
    assertEquals("PT3600S", stored.get("ioConfig").get("taskDuration").asText());
    assertEquals(stored.get("ioConfig"), stored.get("spec").get("ioConfig"));

    Http.await(() -> Http.get(overlord + "/druid/indexer/v1/supervisor/metrics-kafka/status"),
        r -> json(r).get("payload").get("detailedState").asText().equals("RUNNING")
            && json(r).get("payload").get("activeTasks").size() == 1,
        Duration.ofSeconds(60));

    ScriptRunner.Result produced = ScriptRunner.run(tmp, SEED.resolve("rows.json"), "kafka-console-producer",
        "--bootstrap-server", kafka.bootstrapServers(), "--topic", "metrics");
    assertEquals(0, produced.exitCode(), produced.toString());

    String query = Files.readString(SEED.resolve("search-query.json"), StandardCharsets.UTF_8);
    JsonNode expected = Http.JSON.readTree(SEED.resolve("search-result.json").toFile());
    Http.Response answer = Http.await(() -> Http.post(broker + "/druid/v2/?pretty", query),
        r -> r.status() == 200 && expected.equals(json(r)), Duration.ofSeconds(30));
    assertTrue(answer.body().contains("\n"), "?pretty output is indented");
    assertEquals(expected, Http.post(broker + "/druid/v2", query).json());

    JsonNode status = Http.get(overlord + "/druid/indexer/v1/supervisor/metrics-kafka/status").json();
    JsonNode payload = status.get("payload");
    assertEquals("metrics-kafka", status.get("id").asText());
    assertEquals("metrics", payload.get("stream").asText());
    assertEquals(1, payload.get("partitions").asInt());
    assertEquals(3, payload.get("activeTasks").get(0).get("currentOffsets").get("0").asLong());
    assertEquals(0, payload.get("activeTasks").get(0).get("startingOffsets").get("0").asLong());
    assertTrue(payload.get("healthy").asBoolean());

    // A bad POST afterwards changes nothing: same spec, same answers.
    Http.Response bad = Http.post(overlord + "/druid/indexer/v1/supervisor",
        seed("supervisor-spec.json").replace("\"metrics-kafka\"", "\"\""));
    assertEquals(400, bad.status(), bad.body());
    assertTrue(bad.json().get("error").asText().contains("dataSchema.dataSource"), bad.body());
    assertEquals(stored, Http.get(overlord + "/druid/indexer/v1/supervisor/metrics-kafka").json());
    assertEquals(expected, Http.post(broker + "/druid/v2/", query).json());

    // A restart restores the supervisor from the metadata store; rows not yet published are read
    // again from the committed offsets, so the same answer comes back.
    server.close();
    startServer();
    assertEquals("[\"metrics-kafka\"]", Http.get(overlord + "/druid/indexer/v1/supervisor").body());
    Http.await(() -> Http.post(broker + "/druid/v2", query),
        r -> r.status() == 200 && expected.equals(json(r)), Duration.ofSeconds(60));
  }

  private static JsonNode json(Http.Response r) {
    try {
      return r.json();
    } catch (java.io.IOException e) {
      throw new AssertionError("Not JSON: " + r, e);
    }
  }
}
