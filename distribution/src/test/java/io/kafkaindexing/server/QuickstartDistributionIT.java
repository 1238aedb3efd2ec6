package io.kafkaindexing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged quickstart as a black box: {@code bin/start-quickstart} from
 * {@code target/kafka-indexing-service} (host jars in {@code lib/}, the Kafka indexing service loaded
 * from {@code extensions/}), its embedded Kafka broker, the packaged Kafka scripts, the seed
 * walkthrough over HTTP, and a clean stop on SIGTERM. Ports are chosen by the server (0) and read
 * from its log; state goes to a temporary directory.
 */
class QuickstartDistributionIT {
  private static final Path SEED = Path.of(System.getProperty("fixtures.dir", "../src/test/resources"), "seed");
  private static final Pattern READY =
      Pattern.compile("Ready in (\\d+) ms: Overlord API at (http://\\S+) , Broker API at (http://\\S+)");
  private static final Pattern KAFKA = Pattern.compile("bootstrap servers\\[([^\\]]+)\\]");

  @TempDir
  Path tmp;

  private Process server;
  private Path logFile;

  @AfterEach
  void kill() throws InterruptedException {
    if (server != null && server.isAlive()) {
      server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void quickstartServesTheSeedWalkthroughAndStopsOnSigterm() throws Exception {
    List<String> command = new ArrayList<>(List.of(
        ScriptRunner.distribution().resolve("bin/start-quickstart").toString(),
        "druid.server.overlordPort=0",
        "druid.server.brokerPort=0",
        "druid.kafka.embedded.port=0",
        "druid.kafka.embedded.controllerPort=0",
        "druid.kafka.embedded.dataDir=" + tmp.resolve("kafka"),
        "druid.storage.storageDirectory=" + tmp.resolve("segments"),
        "druid.metadata.storage.connector.connectURI=jdbc:derby:" + tmp.resolve("metadata.db") + ";create=true"));
    logFile = tmp.resolve("quickstart.log");
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
    pb.environment().put("JAVA_HEAP_OPTS", "-Xmx512m");
    Path cds = tmp.resolve("cds");
    pb.environment().put("CDS_DIR", cds.toString());
    server = pb.start();

    Matcher ready = awaitLog(READY, Duration.ofSeconds(90));
    String overlord = ready.group(2);
    String broker = ready.group(3);
    String kafka = awaitLog(KAFKA, Duration.ofSeconds(1)).group(1);
    System.out.printf("quickstart ready in %s ms (overlord %s, broker %s, kafka %s)%n", ready.group(1), overlord,
        broker, kafka);
    assertTrue(log().stream().anyMatch(l -> l.contains("from extension[druid-kafka-indexing-service]")),
        "the Kafka indexing service is loaded from the extensions directory: " + tail());
    assertEquals("true", Http.get(overlord + "/status/health").body());
    assertEquals("true", Http.get(broker + "/status/health").body());

    ScriptRunner.Result topic = ScriptRunner.run(tmp, null, "kafka-topics", "--bootstrap-server", kafka,
        "--create", "--topic", "metrics", "--partitions", "1", "--replication-factor", "1");
    assertEquals(0, topic.exitCode(), topic.toString());
    String spec = Files.readString(SEED.resolve("supervisor-spec.json"), StandardCharsets.UTF_8)
        .replace("localhost:9092", kafka);
    Http.Response created = Http.post(overlord + "/druid/indexer/v1/supervisor", spec);
    assertEquals("{\"id\":\"metrics-kafka\"}", created.body());
    Http.await(() -> Http.get(overlord + "/druid/indexer/v1/supervisor/metrics-kafka/status"),
        r -> r.body().contains("\"detailedState\":\"RUNNING\"") && r.body().contains("\"activeTasks\":[{"),
        Duration.ofSeconds(60));

    ScriptRunner.Result produced = ScriptRunner.run(tmp, SEED.resolve("rows.json"), "kafka-console-producer",
        "--bootstrap-server", kafka, "--topic", "metrics");
    assertEquals(0, produced.exitCode(), produced.toString());
    long producedAt = System.nanoTime();
    String query = Files.readString(SEED.resolve("search-query.json"), StandardCharsets.UTF_8);
    JsonNode expected = Http.JSON.readTree(SEED.resolve("search-result.json").toFile());
    Http.await(() -> Http.post(broker + "/druid/v2/?pretty", query),
        r -> r.status() == 200 && expected.equals(jsonOrNull(r)), Duration.ofSeconds(30));
    System.out.printf("rows queryable %d ms after the producer exited%n", (System.nanoTime() - producedAt) / 1_000_000);

    // SIGTERM, as Ctrl-C or a service manager sends it (the script exec's the JVM: same pid).
    assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(server.pid())).start().waitFor());
    // The first stop also writes the class-data-sharing archive (seconds; longer on a loaded machine).
    assertTrue(server.waitFor(120, TimeUnit.SECONDS), "server stops on SIGTERM");
    try (var archives = Files.list(cds)) {
      assertTrue(archives.anyMatch(f -> f.getFileName().toString().matches("classes-Main-\\d+\\.jsa")
          && f.toFile().length() > 1_000_000), "the first stop recorded the class archive in " + cds);
    }
    assertTrue(log().stream().anyMatch(l -> l.contains("Stopped")), "clean stop logged: " + tail());
    assertTrue(log().stream().noneMatch(l -> l.contains(" ERROR ") || l.contains("WARNING")),
        "no errors logged: " + tail());
  }

  private Matcher awaitLog(Pattern pattern, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : log()) {
        Matcher m = pattern.matcher(line);
        if (m.find()) {
          return m;
        }
      }
      if (!server.isAlive()) {
        throw new AssertionError("Server exited with " + server.exitValue() + ": " + tail());
      }
      Thread.sleep(100);
    }
    throw new AssertionError("No log line matching " + pattern + " within " + timeout + ": " + tail());
  }

  private List<String> log() {
    try {
      return Files.readAllLines(logFile, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return List.of("<cannot read " + logFile + ": " + e + ">");
    }
  }

  private String tail() {
    List<String> copy = log();
    return String.join("\n", copy.subList(Math.max(0, copy.size() - 60), copy.size()));
  }

  private static JsonNode jsonOrNull(Http.Response r) {
    try {
      return r.json();
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
