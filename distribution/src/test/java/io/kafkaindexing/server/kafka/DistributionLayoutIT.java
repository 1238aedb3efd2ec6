package io.kafkaindexing.server.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Checks the packaged directory and tarball: scripts, configuration, host jars, extension jars. */
class DistributionLayoutIT {
  private static final List<String> SCRIPTS =
      List.of("run-java", "start-quickstart", "kafka-topics", "kafka-console-producer", "kafka-console-consumer");

  private final Path distribution =
      Path.of(System.getProperty("distribution.dir", "target/kafka-indexing-service")).toAbsolutePath();

  @Test
  void directoryHasScriptsConfigurationHostAndExtension() throws IOException {
    for (String script : SCRIPTS) {
      Path file = distribution.resolve("bin").resolve(script);
      assertTrue(Files.isExecutable(file), file + " is not executable");
    }
    for (String conf : List.of("logback.xml", "logback-tools.xml", "quickstart/runtime.properties")) {
      assertTrue(Files.isRegularFile(distribution.resolve("conf").resolve(conf)), conf);
    }

    Set<String> lib = jarNames(distribution.resolve("lib"));
    assertTrue(lib.stream().anyMatch(n -> n.startsWith("distribution-")), lib.toString());
    assertTrue(lib.stream().anyMatch(n -> n.startsWith("extension-core-")), lib.toString());
    assertTrue(lib.stream().anyMatch(n -> n.startsWith("kafka_2.13-")), lib.toString());
    assertTrue(lib.stream().anyMatch(n -> n.startsWith("kafka-tools-")), lib.toString());
    assertTrue(lib.stream().anyMatch(n -> n.startsWith("logback-classic-")), lib.toString());
    assertFalse(lib.stream().anyMatch(n -> n.startsWith("indexing-task-") || n.startsWith("supervisor-")),
        lib.toString());
    assertFalse(lib.stream().anyMatch(n -> n.startsWith("junit-")), lib.toString());

    Set<String> extension = jarNames(distribution.resolve("extensions/druid-kafka-indexing-service"));
    assertEquals(Set.of("indexing-task", "supervisor", "kafka-clients"),
        extension.stream().map(n -> n.replaceFirst("-\\d.*\\.jar$", "")).collect(Collectors.toSet()),
        extension.toString());
  }

  @Test
  void quickstartPropertiesEnableTheEmbeddedBroker() throws IOException {
    String properties = Files.readString(distribution.resolve("conf/quickstart/runtime.properties"),
        StandardCharsets.UTF_8);
    for (String line : List.of("druid.kafka.embedded.enabled=true", "druid.kafka.embedded.port=9092",
        "druid.kafka.embedded.controllerPort=9093", "druid.kafka.embedded.dataDir=var/kafka",
        "druid.extensions.loadList=[\"druid-kafka-indexing-service\"]", "druid.server.overlordPort=8081",
        "druid.server.brokerPort=8082", "druid.metadata.storage.type=derby")) {
      assertTrue(properties.lines().anyMatch(line::equals), line);
    }
  }

  @Test
  void tarballUnpacksToOneDirectoryWithExecutableScripts() throws Exception {
    Path tarball = distribution.resolveSibling("kafka-indexing-service.tar.gz");
    assertTrue(Files.isRegularFile(tarball), tarball.toString());
    Process tar = new ProcessBuilder("tar", "-tvzf", tarball.toString()).redirectErrorStream(true).start();
    List<String> listing;
    try (var reader = tar.inputReader(StandardCharsets.UTF_8)) {
      listing = reader.lines().toList();
    }
    assertTrue(tar.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, tar.exitValue(), String.join("\n", listing));
    for (String script : SCRIPTS) {
      String entry = "kafka-indexing-service/bin/" + script;
      assertTrue(listing.stream().anyMatch(l -> l.endsWith(" " + entry) && l.startsWith("-rwxr-xr-x")),
          entry + " missing or not 0755 in:\n" + String.join("\n", listing));
    }
    assertTrue(listing.stream().anyMatch(l -> l.contains(" kafka-indexing-service/conf/quickstart/runtime.properties")));
    assertTrue(listing.stream().anyMatch(l -> l.contains(" kafka-indexing-service/extensions/druid-kafka-indexing-service/supervisor-")));
    assertTrue(listing.stream().allMatch(l -> l.contains(" kafka-indexing-service/")), "entries outside the base directory");
  }

  private static Set<String> jarNames(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).collect(Collectors.toSet());
    }
  }
}
