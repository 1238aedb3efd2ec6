package io.kafkaindexing.server.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Apache Kafka broker in KRaft mode (one process acting as broker and controller)
 * running inside this JVM, for the quickstart and for tests. Everything it stores lives under one
 * data directory (see {@link KraftStorage}); a broker started again on the same directory keeps its
 * cluster id, topics and records.
 *
 * <p>Ports configured as 0 are replaced at every {@link #start()} by free ports on {@code host};
 * read the chosen ones from {@link #bootstrapServers()} or {@link #port()} after starting.
 *
 * <p>Kafka treats some internal failures (for example a log directory that cannot be written) as
 * fatal and halts the JVM, as it would a standalone broker process.
 *
 * <p>Thread-safe: start, stop and the accessors synchronize on this object. A stopped broker can be
 * started again.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  private static final int NODE_ID = 1;
  /** {@code log.cleaner.dedupe.buffer.size}: see {@link #brokerProperties}. */
  static final int DEDUPE_BUFFER_BYTES = 16 * 1024 * 1024;

  /** Lifecycle of the in-process server. */
  private enum State {
    /** No server: never started, or stopped; {@link #start()} is allowed. */
    STOPPED,
    /** The server is up and answered a {@code describeCluster} request. */
    RUNNING
  }

  private final String host;
  private final int configuredPort;
  private final int configuredControllerPort;
  private final KraftStorage storage;
  private final int numPartitions;
  private final Map<String, String> overrides;
  private final Duration startTimeout;

  /** Guarded by this. */
  private State state = State.STOPPED;
  /** The running server; non-null exactly when RUNNING. Guarded by this. */
  private KafkaRaftServer server;
  /** Address and ports of the current (or latest) run; guarded by this. */
  private String advertisedHost;
  private int port;
  private int controllerPort;
  /** Guarded by this; null until the first start. */
  private String clusterId;

  private EmbeddedKafkaBroker(Builder builder) {
    this.host = builder.host;
    this.configuredPort = builder.port;
    this.configuredControllerPort = builder.controllerPort;
    this.storage = new KraftStorage(builder.dataDir);
    this.numPartitions = builder.numPartitions;
    this.overrides = Map.copyOf(builder.overrides);
    this.startTimeout = builder.startTimeout;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Formats the data directory if needed, starts the broker and controller, and returns once the
   * broker answers a {@code describeCluster} request on its client listener. Does nothing if running.
   *
   * @throws IllegalStateException if the broker fails to start or is not ready within the start timeout
   */
  public synchronized void start() throws IOException, InterruptedException {
    if (state == State.RUNNING) {
      return;
    }
    advertisedHost = resolveAdvertisedHost();
    resolvePorts();
    Map<String, String> properties = brokerProperties();
    clusterId = storage.prepare(properties);
    KafkaRaftServer candidate = new KafkaRaftServer(new KafkaConfig(properties, false), Time.SYSTEM);
    try {
      candidate.startup();
      awaitReady();
    } catch (Exception e) {
      // Also catches checked exceptions Scala code throws without declaring them.
      shutdownQuietly(candidate, e);
      throw e;
    }
    server = candidate;
    state = State.RUNNING;
    log.info("Embedded Kafka broker started: bootstrap servers[{}], cluster id[{}], data directory[{}]",
        bootstrapServers(), clusterId, storage.dataDir());
  }

  /** {@code host:port} of the client listener, for {@code bootstrap.servers}. */
  public synchronized String bootstrapServers() {
    requireRunning();
    return hostForUrl(advertisedHost) + ":" + port;
  }

  /** The client listener's port (the chosen one if configured as 0). */
  public synchronized int port() {
    requireRunning();
    return port;
  }

  /** The controller listener's port (the chosen one if configured as 0). */
  public synchronized int controllerPort() {
    requireRunning();
    return controllerPort;
  }

  /** The KRaft cluster id, kept in the data directory across restarts. */
  public synchronized String clusterId() {
    requireRunning();
    return clusterId;
  }

  public Path dataDir() {
    return storage.dataDir();
  }

  public synchronized boolean isRunning() {
    return state == State.RUNNING;
  }

  /** Shuts the broker down cleanly and waits for it; does nothing unless running. */
  public synchronized void stop() {
    if (state != State.RUNNING) {
      return;
    }
    try {
      server.shutdown();
      server.awaitShutdown();
    } finally {
      server = null;
      state = State.STOPPED;
    }
    log.info("Embedded Kafka broker stopped, data directory[{}]", storage.dataDir());
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /**
   * Picks free ports for those configured as 0 and checks the others are free: Kafka treats a port
   * it cannot bind as a fatal fault and halts the JVM, so a taken port must be caught before.
   */
  private void resolvePorts() throws IOException {
    InetAddress address = bindAddress();
    List<Integer> free = freePorts(address, (configuredPort == 0 ? 1 : 0) + (configuredControllerPort == 0 ? 1 : 0));
    int next = 0;
    port = configuredPort == 0 ? free.get(next++) : requireFree(address, configuredPort, "client");
    controllerPort = configuredControllerPort == 0 ? free.get(next)
        : requireFree(address, configuredControllerPort, "controller");
  }

  /** Kafka server settings for a combined broker+controller node on {@code host}. */
  private Map<String, String> brokerProperties() {
    String bind = hostForUrl(host);
    String advertised = hostForUrl(advertisedHost);
    Map<String, String> p = new LinkedHashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", Integer.toString(NODE_ID));
    p.put("controller.quorum.voters", NODE_ID + "@" + advertised + ":" + controllerPort);
    p.put("listeners", "PLAINTEXT://" + bind + ":" + port + ",CONTROLLER://" + bind + ":" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + advertised + ":" + port);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    p.put("log.dirs", storage.logDir().toString());
    p.put("num.partitions", Integer.toString(numPartitions));
    p.put("auto.create.topics.enable", "true");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    // One node: internal topics cannot have more than one replica. One partition each keeps the
    // first consumer-group or transactional request fast.
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    // The log cleaner's offset map is allocated on the heap when the broker starts: Kafka's default
    // of 128 MiB was a quarter of the quickstart's heap, held for good by a broker whose compacted
    // topics are its own small internal ones. 16 MiB maps about 600,000 keys per cleaning pass (a
    // log with more keys is cleaned in more passes).
    p.put("log.cleaner.dedupe.buffer.size", Integer.toString(DEDUPE_BUFFER_BYTES));
    p.putAll(overrides);
    return p;
  }

  /** Waits until the client listener answers describeCluster with at least one broker. */
  private void awaitReady() throws InterruptedException {
    long deadlineNs = System.nanoTime() + startTimeout.toNanos();
    Map<String, Object> adminConfig = Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, hostForUrl(advertisedHost) + ":" + port,
        AdminClientConfig.CLIENT_ID_CONFIG, "embedded-kafka-readiness");
    try (Admin admin = Admin.create(adminConfig)) {
      while (true) {
        long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadlineNs - System.nanoTime());
        if (remainingMs <= 0) {
          throw new IllegalStateException("Embedded Kafka broker on port[" + port + "] did not accept connections within["
              + startTimeout + "]");
        }
        int timeoutMs = (int) Math.min(remainingMs, 5_000);
        DescribeClusterResult result = admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs));
        try {
          if (!result.nodes().get(timeoutMs, TimeUnit.MILLISECONDS).isEmpty()) {
            return;
          }
        } catch (ExecutionException | TimeoutException e) {
          log.debug("Embedded Kafka broker not ready yet: {}", e.toString());
        }
      }
    }
  }

  private static void shutdownQuietly(KafkaRaftServer candidate, Exception cause) {
    try {
      candidate.shutdown();
      candidate.awaitShutdown();
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  private void requireRunning() {
    if (state != State.RUNNING) {
      throw new IllegalStateException("Embedded Kafka broker with data directory[" + storage.dataDir()
          + "] is not running");
    }
  }

  private InetAddress bindAddress() throws UnknownHostException {
    return InetAddress.getByName(host);
  }

  /** The host clients and the controller quorum connect to: {@code host}, unless it is a wildcard. */
  private String resolveAdvertisedHost() {
    try {
      InetAddress address = bindAddress();
      return address.isAnyLocalAddress() ? InetAddress.getLocalHost().getCanonicalHostName() : host;
    } catch (UnknownHostException e) {
      throw new UncheckedIOException("Cannot resolve embedded Kafka host[" + host + "]", e);
    }
  }

  /** IPv6 literals need brackets in Kafka listener URLs and in host:port strings. */
  private static String hostForUrl(String h) {
    return h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h;
  }

  private int requireFree(InetAddress address, int candidate, String listener) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(address, candidate));
      return candidate;
    } catch (IOException e) {
      throw new IllegalStateException("Embedded Kafka " + listener + " port[" + candidate + "] on host[" + host
          + "] is not available (is another Kafka broker running?): " + e.getMessage(), e);
    }
  }

  /** {@code count} distinct ports that were free on {@code address} a moment ago. */
  private static List<Integer> freePorts(InetAddress address, int count) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket();
        sockets.add(socket);
        socket.bind(new InetSocketAddress(address, 0));
      }
      return sockets.stream().map(ServerSocket::getLocalPort).toList();
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
  }

  /** Settings for an {@link EmbeddedKafkaBroker}; defaults match a stand-alone quickstart broker. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 9092;
    private int controllerPort = 9093;
    private Path dataDir = Path.of("var", "kafka");
    private int numPartitions = 1;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private Duration startTimeout = Duration.ofMinutes(2);

    private Builder() {}

    public Builder host(String value) {
      this.host = Objects.requireNonNull(value, "host");
      return this;
    }

    /** The client listener port; 0 picks a free one at each start. */
    public Builder port(int value) {
      this.port = checkPort("port", value);
      return this;
    }

    /** The controller listener port; 0 picks a free one at each start. */
    public Builder controllerPort(int value) {
      this.controllerPort = checkPort("controllerPort", value);
      return this;
    }

    public Builder dataDir(Path value) {
      this.dataDir = Objects.requireNonNull(value, "dataDir");
      return this;
    }

    /** Partitions of topics created automatically or without a partition count. */
    public Builder numPartitions(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("numPartitions must be at least 1, got[" + value + "]");
      }
      this.numPartitions = value;
      return this;
    }

    /** Sets any Kafka server property, overriding this class's choice for it. */
    public Builder brokerProperty(String key, String value) {
      overrides.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    public Builder startTimeout(Duration value) {
      this.startTimeout = Objects.requireNonNull(value, "startTimeout");
      return this;
    }

    public EmbeddedKafkaBroker build() {
      if (port != 0 && port == controllerPort) {
        throw new IllegalArgumentException("port and controllerPort must differ, both are[" + port + "]");
      }
      return new EmbeddedKafkaBroker(this);
    }

    private static int checkPort(String name, int value) {
      if (value < 0 || value > 65535) {
        throw new IllegalArgumentException(name + " must be a port number or 0, got[" + value + "]");
      }
      return value;
    }
  }
}
