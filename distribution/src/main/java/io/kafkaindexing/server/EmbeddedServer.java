package io.kafkaindexing.server;

import com.google.inject.Injector;
import io.kafkaindexing.core.config.RuntimeProperties;
import io.kafkaindexing.core.guice.Initialization;
import io.kafkaindexing.core.guice.NodeRole;
import io.kafkaindexing.core.lifecycle.Lifecycle;
import io.kafkaindexing.core.server.HttpServer;
import io.kafkaindexing.core.server.ServerConfig;
import io.kafkaindexing.query.QueryModule;
import io.kafkaindexing.query.historical.HistoricalModule;
import io.kafkaindexing.server.kafka.EmbeddedKafkaModule;
import java.util.List;

/**
 * All roles in one process: the Overlord (supervisors, tasks), the peons (task threads), the
 * Broker, the Historical, the metadata store, and optionally an embedded Kafka broker. The host modules are listed
 * here; the Kafka indexing service comes in as an extension (classpath or extensions directory).
 * Thread-safe: {@link #close()} may be called from a shutdown hook.
 */
public final class EmbeddedServer implements AutoCloseable {
  /** Druid's key for the directory of task log files. */
  public static final String TASK_LOGS_PROPERTY = "druid.indexer.logs.directory";
  public static final String DEFAULT_TASK_LOGS = "var/druid/indexing-logs";

  private final Injector injector;
  private final Lifecycle lifecycle;

  private EmbeddedServer(Injector injector) {
    this.injector = injector;
    this.lifecycle = injector.getInstance(Lifecycle.class);
  }

  /** Builds and starts the server; on failure everything started so far is stopped again. */
  public static EmbeddedServer start(RuntimeProperties properties) throws Exception {
    EmbeddedServer server = create(properties);
    server.start();
    return server;
  }

  /**
   * Builds the server (extensions loaded, objects wired) without starting anything, so a caller can
   * install a shutdown hook calling {@link #close()} before the start-up begins.
   */
  public static EmbeddedServer create(RuntimeProperties properties) {
    // Task log files are written by the logging configuration, which reads this system property.
    System.setProperty(TASK_LOGS_PROPERTY, properties.get(TASK_LOGS_PROPERTY, DEFAULT_TASK_LOGS));
    Injector injector = Initialization.makeInjector(properties,
        List.of(new QueryModule(), new HistoricalModule(), new EmbeddedKafkaModule(properties)));
    return new EmbeddedServer(injector);
  }

  /**
   * Starts every service; on failure everything started so far is stopped again. A {@link #close()}
   * from another thread (a shutdown hook) during the start-up ends it and stops what was started.
   */
  public void start() throws Exception {
    lifecycle.start();
  }

  public int port(NodeRole role) {
    return injector.getInstance(HttpServer.class).port(role);
  }

  /**
   * The base URL of a role's API, e.g. {@code http://127.0.0.1:8081}; the {@code https} one when the
   * plaintext ports are off.
   */
  public String url(NodeRole role) {
    String host = injector.getInstance(ServerConfig.class).getBindAddress();
    if (host.equals("0.0.0.0")) {
      host = "localhost";
    }
    HttpServer http = injector.getInstance(HttpServer.class);
    return http.hasPlaintextPort() ? "http://" + host + ":" + http.port(role)
        : "https://" + host + ":" + http.tlsPort(role);
  }

  public Injector injector() {
    return injector;
  }

  @Override
  public void close() {
    lifecycle.stop();
  }
}
