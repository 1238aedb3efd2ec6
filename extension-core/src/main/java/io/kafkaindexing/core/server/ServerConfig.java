package io.kafkaindexing.core.server;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where the REST APIs listen, from {@code druid.server.*}: {@code bindAddress} (default
 * {@code 127.0.0.1}; {@code 0.0.0.0} for all interfaces), {@code overlordPort} (default 8081) and
 * {@code brokerPort} (default 8082); the TLS ports {@code overlordTlsPort} (default 8290, Druid's
 * Overlord TLS port) and {@code brokerTlsPort} (default 8282), served when {@code druid.enableTlsPort=true}.
 * A port of 0 picks a free port (tests). Immutable.
 */
public final class ServerConfig {
  private final String bindAddress;
  private final int overlordPort;
  private final int brokerPort;
  private final int overlordTlsPort;
  private final int brokerTlsPort;

  @JsonCreator
  public ServerConfig(@JsonProperty("bindAddress") String bindAddress,
      @JsonProperty("overlordPort") Integer overlordPort,
      @JsonProperty("brokerPort") Integer brokerPort,
      @JsonProperty("overlordTlsPort") Integer overlordTlsPort,
      @JsonProperty("brokerTlsPort") Integer brokerTlsPort) {
    this.bindAddress = bindAddress == null || bindAddress.isBlank() ? "127.0.0.1" : bindAddress.trim();
    this.overlordPort = checkPort("druid.server.overlordPort", overlordPort == null ? 8081 : overlordPort);
    this.brokerPort = checkPort("druid.server.brokerPort", brokerPort == null ? 8082 : brokerPort);
    this.overlordTlsPort = checkPort("druid.server.overlordTlsPort", overlordTlsPort == null ? 8290 : overlordTlsPort);
    this.brokerTlsPort = checkPort("druid.server.brokerTlsPort", brokerTlsPort == null ? 8282 : brokerTlsPort);
  }

  private static int checkPort(String name, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("Property[" + name + "] must be a port number, got[" + port + "]");
    }
    return port;
  }

  @JsonProperty
  public String getBindAddress() {
    return bindAddress;
  }

  @JsonProperty
  public int getOverlordPort() {
    return overlordPort;
  }

  @JsonProperty
  public int getBrokerPort() {
    return brokerPort;
  }

  @JsonProperty
  public int getOverlordTlsPort() {
    return overlordTlsPort;
  }

  @JsonProperty
  public int getBrokerTlsPort() {
    return brokerTlsPort;
  }
}
