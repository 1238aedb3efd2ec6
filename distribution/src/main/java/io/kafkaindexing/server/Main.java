package io.kafkaindexing.server;

import io.kafkaindexing.core.config.RuntimeProperties;
import io.kafkaindexing.core.guice.NodeRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command line: {@code start [runtime.properties] [key=value ...]} runs the embedded server in
 * the foreground until Ctrl-C / SIGTERM, logging one line when it is ready. {@code key=value}
 * arguments override the file and system properties.
 */
public final class Main {
  private static final Logger log = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || !args[0].equals("start")) {
      System.err.println("Usage: Main start [path/to/runtime.properties] [druid.key=value ...]");
      System.exit(2);
    }
    int next = 1;
    Path config = null;
    if (args.length > 1 && !args[1].contains("=")) {
      config = Path.of(args[1]);
      next = 2;
      if (!Files.isRegularFile(config)) {
        System.err.println("Configuration file[" + config + "] does not exist");
        System.exit(2);
      }
    }
    long startNanos = System.nanoTime();
    EmbeddedServer server;
    try {
      RuntimeProperties properties = RuntimeProperties.load(config);
      for (int i = next; i < args.length; i++) {
        int eq = args[i].indexOf('=');
        if (eq <= 0) {
          System.err.println("Argument[" + args[i] + "] is not of the form key=value");
          System.exit(2);
        }
        properties = properties.with(args[i].substring(0, eq), args[i].substring(eq + 1));
      }
      server = EmbeddedServer.create(properties);
    } catch (Exception e) {
      log.error("Start-up failed: {}", e.getMessage(), e);
      System.exit(1);
      return;
    }
    // Installed before the start-up, so Ctrl-C or SIGTERM during it still stops what has started
    // (the embedded Kafka broker, Derby) cleanly.
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.info("Stopping");
      server.close();
      log.info("Stopped");
      stopped.countDown();
    }, "shutdown"));
    try {
      server.start();
    } catch (Exception e) {
      log.error("Start-up failed: {}", e.getMessage(), e);
      System.exit(1);
      return;
    }
    log.info("Ready in {} ms: Overlord API at {} , Broker API at {}", (System.nanoTime() - startNanos) / 1_000_000,
        server.url(NodeRole.OVERLORD), server.url(NodeRole.BROKER));
    stopped.await();
  }
}
