package io.kafkaindexing.server.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the layout of an embedded broker's data directory and formats it, once, with Kafka's own
 * storage tool ({@code kafka.tools.StorageTool format}), so the broker finds a KRaft-formatted log
 * directory the way it would after {@code kafka-storage.sh format}.
 *
 * <pre>
 * dataDir/
 *   cluster.id          the cluster id, chosen before the first format and reused by every later one
 *   server.properties   the broker configuration of the latest start; rewritten on every start,
 *                       kept for reference and because the storage tool reads its config from a file
 *   logs/               Kafka's log directory: meta.properties, __cluster_metadata-0, topic partitions
 * </pre>
 *
 * Not thread-safe; the owning {@link EmbeddedKafkaBroker} serializes calls.
 */
final class KraftStorage {
  private static final Logger log = LoggerFactory.getLogger(KraftStorage.class);
  private static final String CLUSTER_ID_FILE = "cluster.id";
  private static final String SERVER_PROPERTIES_FILE = "server.properties";
  private static final String META_PROPERTIES_FILE = "meta.properties";
  /** The file Kafka locks while a broker uses the log directory. */
  private static final String LOCK_FILE = ".lock";

  private final Path dataDir;

  KraftStorage(Path dataDir) {
    this.dataDir = dataDir.toAbsolutePath().normalize();
  }

  Path dataDir() {
    return dataDir;
  }

  /** Kafka's {@code log.dirs}; the KRaft metadata log lives here too. */
  Path logDir() {
    return dataDir.resolve("logs");
  }

  /**
   * Writes {@code brokerProperties} to {@code server.properties} and formats the log directory unless
   * it already is formatted.
   *
   * @return the cluster id the log directory is formatted with
   */
  String prepare(Map<String, String> brokerProperties) throws IOException {
    Files.createDirectories(logDir());
    requireUnlocked();
    Path serverProperties = dataDir.resolve(SERVER_PROPERTIES_FILE);
    writeProperties(serverProperties, brokerProperties);
    Path meta = logDir().resolve(META_PROPERTIES_FILE);
    if (Files.exists(meta)) {
      String clusterId = readProperties(meta).getProperty("cluster.id");
      if (clusterId == null || clusterId.isBlank()) {
        throw new IllegalStateException("Kafka metadata file[" + meta + "] has no cluster.id");
      }
      return clusterId;
    }
    String clusterId = clusterId();
    format(clusterId, serverProperties);
    return clusterId;
  }

  /**
   * Fails if another broker (in this or another process) holds Kafka's lock on the log directory,
   * so the caller gets an error naming the directory before any Kafka component starts.
   */
  private void requireUnlocked() throws IOException {
    Path lockFile = logDir().resolve(LOCK_FILE);
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw inUse(null);
      }
      lock.release();
    } catch (OverlappingFileLockException e) {
      throw inUse(e);
    }
  }

  private IllegalStateException inUse(Exception cause) {
    return new IllegalStateException("Kafka data directory[" + dataDir + "] is in use by another running broker",
        cause);
  }

  /** The cluster id kept in the data directory, or a new one saved there for the next format. */
  private String clusterId() throws IOException {
    Path file = dataDir.resolve(CLUSTER_ID_FILE);
    if (Files.exists(file)) {
      String id = Files.readString(file, StandardCharsets.UTF_8).trim();
      if (!id.isEmpty()) {
        return id;
      }
    }
    String id = Uuid.randomUuid().toString();
    Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
    return id;
  }

  private void format(String clusterId, Path serverProperties) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int exitCode;
    try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      // execute() reports through its return value and exceptions; unlike main() it never exits the JVM.
      exitCode = kafka.tools.StorageTool.execute(new String[] {
          "format", "--cluster-id", clusterId, "--config", serverProperties.toString(), "--ignore-formatted"}, out);
    } catch (RuntimeException e) {
      throw new IllegalStateException("Formatting Kafka log directory[" + logDir() + "] failed: " + e.getMessage()
          + describe(output), e);
    }
    if (exitCode != 0) {
      throw new IllegalStateException("Formatting Kafka log directory[" + logDir() + "] failed with exit code["
          + exitCode + "]" + describe(output));
    }
    log.info("Formatted Kafka log directory[{}] for cluster id[{}]", logDir(), clusterId);
  }

  private static String describe(ByteArrayOutputStream output) {
    String text = output.toString(StandardCharsets.UTF_8).trim();
    return text.isEmpty() ? "" : ": " + text;
  }

  /** Writes {@code values} sorted by key, so the file is easy to read and to compare between runs. */
  static void writeProperties(Path file, Map<String, String> values) throws IOException {
    StringBuilder text = new StringBuilder("# Written by the embedded Kafka broker at every start; edits are overwritten.\n");
    new TreeMap<>(values).forEach((key, value) ->
        text.append(escape(key, true)).append('=').append(escape(value, false)).append('\n'));
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** Escapes what {@link Properties#load(Reader)} would otherwise read differently. */
  private static String escape(String s, boolean key) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        // Separators end a key; a leading space of a value would be dropped.
        case '=', ':', ' ', '#', '!' -> out.append(key || (i == 0 && c == ' ') ? "\\" + c : String.valueOf(c));
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static Properties readProperties(Path file) throws IOException {
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(reader);
    }
    return props;
  }
}
