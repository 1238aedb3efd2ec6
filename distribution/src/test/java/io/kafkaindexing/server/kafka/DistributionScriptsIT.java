package io.kafkaindexing.server.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged {@code bin/} Kafka tool scripts of {@code target/kafka-indexing-service} as real
 * processes, from another working directory, against a broker started here on free ports.
 */
class DistributionScriptsIT {
  private static final long PROCESS_TIMEOUT_SECONDS = 120;

  @TempDir
  static Path tempDir;

  private static EmbeddedKafkaBroker broker;
  private static Path distribution;

  @BeforeAll
  static void startBroker() throws Exception {
    distribution = Path.of(System.getProperty("distribution.dir", "target/kafka-indexing-service"))
        .toAbsolutePath();
    assertTrue(Files.isDirectory(distribution.resolve("bin")),
        "Distribution[" + distribution + "] not built; run mvn verify (failsafe runs after package)");
    broker = EmbeddedKafkaBroker.builder().port(0).controllerPort(0).dataDir(tempDir.resolve("kafka")).build();
    broker.start();
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.stop();
    }
  }

  @Test
  void topicScriptCreatesDescribesAndListsTopics() throws Exception {
    String bootstrap = broker.bootstrapServers();
    Result created = run(null, "kafka-topics", "--bootstrap-server", bootstrap,
        "--create", "--topic", "scripted", "--partitions", "2", "--replication-factor", "1");
    assertTrue(created.stdout.contains("Created topic scripted."), created.toString());

    Result described = run(null, "kafka-topics", "--bootstrap-server", bootstrap, "--describe", "--topic", "scripted");
    assertTrue(described.stdout.contains("PartitionCount: 2"), described.toString());
    assertEquals(2, KafkaTestClients.describeTopic(bootstrap, "scripted").partitions().size());

    // Through a symlink in another directory: the script still finds its install directory.
    Path link = tempDir.resolve("linked-kafka-topics");
    Files.deleteIfExists(link);
    Files.createSymbolicLink(link, distribution.resolve("bin/kafka-topics"));
    Result listed = runCommand(null, List.of(link.toString(), "--bootstrap-server", bootstrap, "--list"));
    assertTrue(listed.stdout.lines().anyMatch("scripted"::equals), listed.toString());
  }

  @Test
  void consoleProducerSendsEachInputLineAsARecord() throws Exception {
    String bootstrap = broker.bootstrapServers();
    run(null, "kafka-topics", "--bootstrap-server", bootstrap,
        "--create", "--topic", "metrics", "--partitions", "1", "--replication-factor", "1");
    List<String> lines = List.of(
        "{\"timestamp\":\"2018-03-06T09:57:58Z\",\"user\":\"bob\",\"value\":1}",
        "{\"timestamp\":\"2018-03-06T09:58:01Z\",\"user\":\"alice\",\"value\":2}",
        "{\"timestamp\":\"2018-03-06T09:58:09Z\",\"user\":\"bob\",\"value\":3}");

    run(String.join("\n", lines) + "\n", "kafka-console-producer", "--bootstrap-server", bootstrap, "--topic", "metrics");

    List<ConsumerRecord<String, String>> read = KafkaTestClients.readAll(bootstrap, "metrics", lines.size());
    assertEquals(lines, read.stream().map(ConsumerRecord::value).collect(Collectors.toList()));
  }

  /** Runs {@code bin/<script>} with a clean environment; fails unless it exits with 0. */
  private static Result run(String stdin, String script, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(distribution.resolve("bin").resolve(script).toString());
    command.addAll(List.of(args));
    return runCommand(stdin, command);
  }

  private static Result runCommand(String stdin, List<String> command) throws Exception {
    Path work = Files.createTempDirectory(tempDir, "cwd");
    Path out = work.resolve("stdout.txt");
    Path err = work.resolve("stderr.txt");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(work.toFile())
        .redirectOutput(out.toFile())
        .redirectError(err.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("JAVA_OPTS");
    builder.environment().remove("LOGBACK_CONFIG");
    if (stdin == null) {
      builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    }
    Process process = builder.start();
    if (stdin != null) {
      try (var in = process.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    boolean exited = process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly().waitFor();
    }
    Result result = new Result(command, exited ? process.exitValue() : -1, read(out), read(err));
    assertTrue(exited, "Timed out after " + PROCESS_TIMEOUT_SECONDS + "s: " + result);
    assertEquals(0, result.exitCode, result.toString());
    return result;
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private record Result(List<String> command, int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
      return "command" + command + " exited[" + exitCode + "]\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
  }
}
