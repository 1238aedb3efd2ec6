package io.kafkaindexing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaindexing.server.kafka.EmbeddedKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once under crashes: the packaged server ({@code bin/start-quickstart}, Kafka outside it)
 * is killed with SIGKILL at random moments — while reading, persisting, publishing, handing off —
 * ten times while rows are produced continuously; after the last restart, {@code count} and
 * {@code sum(latencyMs)} over all time equal exactly what was produced, and the dead-letter topic,
 * read with {@code read_committed}, holds exactly one dead letter per unparseable record produced.
 */
class KillRestartIT {
  private static final Pattern READY = Pattern.compile("Ready in \\d+ ms: Overlord API at (http://\\S+) , Broker API at (http://\\S+)");
  private static final String TIMESERIES = "{\"queryType\":\"timeseries\",\"dataSource\":\"metrics-kafka\","
      + "\"granularity\":\"all\",\"intervals\":[\"2018-01-01/2019-01-01\"],\"aggregations\":["
      + "{\"type\":\"longSum\",\"name\":\"views\",\"fieldName\":\"views\"},"
      + "{\"type\":\"longSum\",\"name\":\"latencyMs\",\"fieldName\":\"latencyMs\"}]}";
  private static final int KILLS = 10;

  @TempDir
  Path tmp;

  private Process server;
  private int runs;

  @AfterEach
  void killServer() throws InterruptedException {
    if (server != null && server.isAlive()) {
      server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void countsAreExactAfterTenKillNineRestartsDuringProduction() throws Exception {
    try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.builder().port(0).controllerPort(0)
        .dataDir(tmp.resolve("kafka")).build()) {
      kafka.start();
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic("metrics", 2, (short) 1), new NewTopic("metrics-dlq", 1, (short) 1)))
            .all().get(60, TimeUnit.SECONDS);
      }
      AtomicLong produced = new AtomicLong();
      AtomicLong latencySum = new AtomicLong();
      AtomicBoolean producing = new AtomicBoolean(true);
      Set<String> unparseable = ConcurrentHashMap.newKeySet();
      Thread producer = new Thread(() -> produce(kafka.bootstrapServers(), produced, latencySum, unparseable,
          producing), "test-producer");
      producer.start();

      String[] urls = start();
      String spec = Files.readString(TestCluster.SEED.resolve("supervisor-spec.json"), StandardCharsets.UTF_8)
          .replace("localhost:9092", kafka.bootstrapServers())
          .replace("\"taskDuration\": \"PT1H\"", "\"taskDuration\": \"PT4S\", \"useEarliestOffset\": true,"
              + " \"startDelay\": \"PT0S\", \"period\": \"PT1S\", \"deadLetterTopic\": \"metrics-dlq\"")
          .replace("\"taskCount\": 1", "\"taskCount\": 2")
          .replace("\"maxRowsInMemory\": \"100000\"", "\"maxRowsInMemory\": \"500\"")
          .replace("{\n        \"name\": \"latencyMs\",\n        \"type\": \"doubleSum\"",
              "{\n        \"name\": \"latencyMs\",\n        \"type\": \"longSum\"");
      assertEquals(200, Http.post(urls[0] + "/druid/indexer/v1/supervisor", spec).status());

      Random random = new Random(7);
      for (int kill = 0; kill < KILLS; kill++) {
        Thread.sleep(1500 + random.nextInt(6000));
        new ProcessBuilder("kill", "-KILL", Long.toString(server.pid())).start().waitFor();
        assertTrue(server.waitFor(30, TimeUnit.SECONDS), "killed");
        urls = start();
      }
      producing.set(false);
      producer.join(60_000);

      String broker = urls[1];
      long rows = produced.get();
      long latency = latencySum.get();
      Http.Response last = Http.await(() -> Http.post(broker + "/druid/v2", TIMESERIES), r -> {
        JsonNode t = totals(r);
        return t != null && t.get("views").asLong() == rows && t.get("latencyMs").asLong() == latency;
      }, Duration.ofSeconds(180));
      JsonNode totals = totals(last);
      assertEquals(rows, totals.get("views").asLong());
      assertEquals(latency, totals.get("latencyMs").asLong());
      assertTrue(rows > 1000, "rows were produced throughout: " + rows);
      // And it stays exact (nothing is counted twice by a late handoff or a retried publish).
      Thread.sleep(5000);
      assertEquals(rows, totals(Http.post(broker + "/druid/v2", TIMESERIES)).get("views").asLong());

      // Dead letters are written when tasks publish; wait for the last publish, then exactly one each.
      assertTrue(unparseable.size() > 10, "unparseable records were produced: " + unparseable.size());
      long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
      List<String> letters = deadLetters(kafka.bootstrapServers());
      while (!new HashSet<>(letters).equals(unparseable) && System.nanoTime() < deadline) {
        Thread.sleep(1000);
        letters = deadLetters(kafka.bootstrapServers());
      }
      assertEquals(unparseable, new HashSet<>(letters), "one dead letter per unparseable record");
      assertEquals(unparseable.size(), letters.size(), "no dead letter twice: " + letters);
    }
  }

  /** Starts the packaged server on free ports with state in the temp dir; returns its Overlord and Broker URLs. */
  private String[] start() throws Exception {
    Path log = tmp.resolve("server-" + (runs++) + ".log");
    List<String> command = new ArrayList<>(List.of(
        ScriptRunner.distribution().resolve("bin/start-quickstart").toString(),
        "druid.server.overlordPort=0",
        "druid.server.brokerPort=0",
        "druid.kafka.embedded.enabled=false",
        "druid.storage.storageDirectory=" + tmp.resolve("segments"),
        "druid.segmentCache.locations=" + tmp.resolve("segment-cache"),
        "druid.indexer.task.baseTaskDir=" + tmp.resolve("task"),
        "druid.historical.pollPeriod=PT0.2S",
        "druid.metadata.storage.connector.connectURI=jdbc:derby:" + tmp.resolve("metadata.db") + ";create=true"));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("JAVA_HEAP_OPTS", "-Xmx512m");
    server = pb.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
        Matcher m = READY.matcher(line);
        if (m.find()) {
          return new String[] {m.group(1), m.group(2)};
        }
      }
      if (!server.isAlive()) {
        throw new AssertionError("Server exited: " + Files.readString(log, StandardCharsets.UTF_8));
      }
      Thread.sleep(100);
    }
    throw new AssertionError("Server not ready: " + Files.readString(log, StandardCharsets.UTF_8));
  }

  /** The source coordinates (topic/partition/offset) of the committed dead letters, in topic order. */
  private static List<String> deadLetters(String bootstrap) {
    Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    List<String> out = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      TopicPartition tp = new TopicPartition("metrics-dlq", 0);
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      long end = consumer.endOffsets(List.of(tp)).get(tp);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (consumer.position(tp) < end && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          Map<String, String> h = new HashMap<>();
          r.headers().forEach(x -> h.put(x.key(), new String(x.value(), StandardCharsets.UTF_8)));
          out.add(h.get("dlq.topic") + "/" + h.get("dlq.partition") + "/" + h.get("dlq.offset"));
        }
      }
    }
    return out;
  }

  /**
   * Produces rows at a steady pace until told to stop; counts what Kafka acknowledged, and notes
   * where every 97th record, unparseable, landed.
   */
  private static void produce(String bootstrap, AtomicLong produced, AtomicLong latencySum, Set<String> unparseable,
      AtomicBoolean producing) {
    Map<String, Object> config = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      long i = 0;
      while (producing.get()) {
        for (int b = 0; b < 50; b++, i++) {
          long latency = 1 + (i * 7919) % 1000;
          String row = String.format(Locale.ROOT,
              "{\"time\":\"2018-03-%02dT%02d:%02d:%02dZ\",\"url\":\"/p/%d\",\"user\":\"u%d\",\"latencyMs\":%d}",
              6 + (i / 40_000) % 3, (i / 1000) % 24, (i / 60) % 60, i % 60, i % 13, i % 101, latency);
          if (i % 97 == 96) {
            var bad = producer.send(new ProducerRecord<>("metrics", (int) (i % 2), null, "{\"time\":"))
                .get(60, TimeUnit.SECONDS);
            unparseable.add("metrics/" + bad.partition() + "/" + bad.offset());
            continue;
          }
          producer.send(new ProducerRecord<>("metrics", (int) (i % 2), null, row)).get(60, TimeUnit.SECONDS);
          produced.incrementAndGet();
          latencySum.addAndGet(latency);
        }
        Thread.sleep(20);
      }
    } catch (Exception e) {
      throw new IllegalStateException("Producing failed", e);
    }
  }

  private static JsonNode totals(Http.Response r) {
    try {
      JsonNode json = r.json();
      return r.status() == 200 && json.size() == 1 ? json.get(0).get("result") : null;
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
