package io.kafkaindexing.server.kafka;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The embedded Kafka broker's settings, from {@code druid.kafka.embedded.*}:
 * <ul>
 *   <li>{@code enabled} (default false): run a broker inside this process;</li>
 *   <li>{@code host} (default {@code 127.0.0.1}): the address both listeners bind to and the broker
 *       advertises (a wildcard address advertises this machine's host name instead);</li>
 *   <li>{@code port} (default 9092): the client (PLAINTEXT) listener; 0 picks a free port;</li>
 *   <li>{@code controllerPort} (default 9093): the KRaft controller listener; 0 picks a free port;</li>
 *   <li>{@code dataDir} (default {@code var/kafka}): cluster id, generated broker config and the
 *       topic logs; relative to the working directory;</li>
 *   <li>{@code numPartitions} (default 1): partitions of automatically created topics.</li>
 * </ul>
 * Immutable.
 */
public final class EmbeddedKafkaConfig {
  static final String PREFIX = "druid.kafka.embedded";

  private final boolean enabled;
  private final String host;
  private final int port;
  private final int controllerPort;
  private final String dataDir;
  private final int numPartitions;

  @JsonCreator
  public EmbeddedKafkaConfig(@JsonProperty("enabled") Boolean enabled,
      @JsonProperty("host") String host,
      @JsonProperty("port") Integer port,
      @JsonProperty("controllerPort") Integer controllerPort,
      @JsonProperty("dataDir") String dataDir,
      @JsonProperty("numPartitions") Integer numPartitions) {
    this.enabled = enabled != null && enabled;
    this.host = host == null || host.isBlank() ? "127.0.0.1" : host.trim();
    this.port = checkPort("port", port == null ? 9092 : port);
    this.controllerPort = checkPort("controllerPort", controllerPort == null ? 9093 : controllerPort);
    this.dataDir = dataDir == null || dataDir.isBlank() ? "var/kafka" : dataDir.trim();
    this.numPartitions = numPartitions == null ? 1 : numPartitions;
    if (this.numPartitions < 1) {
      throw new IllegalArgumentException(
          "Property[" + PREFIX + ".numPartitions] must be at least 1, got[" + this.numPartitions + "]");
    }
    if (this.port != 0 && this.port == this.controllerPort) {
      throw new IllegalArgumentException("Properties[" + PREFIX + ".port] and [" + PREFIX
          + ".controllerPort] must differ, both are[" + this.port + "]");
    }
  }

  private static int checkPort(String name, int value) {
    if (value < 0 || value > 65535) {
      throw new IllegalArgumentException(
          "Property[" + PREFIX + "." + name + "] must be a port number or 0, got[" + value + "]");
    }
    return value;
  }

  @JsonProperty
  public boolean isEnabled() {
    return enabled;
  }

  @JsonProperty
  public String getHost() {
    return host;
  }

  @JsonProperty
  public int getPort() {
    return port;
  }

  @JsonProperty
  public int getControllerPort() {
    return controllerPort;
  }

  @JsonProperty
  public String getDataDir() {
    return dataDir;
  }

  @JsonProperty
  public int getNumPartitions() {
    return numPartitions;
  }

  /** A broker (not yet started) with these settings. */
  public EmbeddedKafkaBroker newBroker() {
    return EmbeddedKafkaBroker.builder()
        .host(host)
        .port(port)
        .controllerPort(controllerPort)
        .dataDir(Path.of(dataDir))
        .numPartitions(numPartitions)
        .build();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof EmbeddedKafkaConfig)) {
      return false;
    }
    EmbeddedKafkaConfig that = (EmbeddedKafkaConfig) o;
    return enabled == that.enabled && port == that.port && controllerPort == that.controllerPort
        && numPartitions == that.numPartitions && host.equals(that.host) && dataDir.equals(that.dataDir);
  }

  @Override
  public int hashCode() {
    return Objects.hash(enabled, host, port, controllerPort, dataDir, numPartitions);
  }

  @Override
  public String toString() {
    return "EmbeddedKafkaConfig{enabled=" + enabled + ", host='" + host + "', port=" + port
        + ", controllerPort=" + controllerPort + ", dataDir='" + dataDir + "', numPartitions=" + numPartitions + '}';
  }
}
