package io.kafkaindexing.supervisor.store;

import io.kafkaindexing.core.metadata.MetadataStorageConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Metadata stores for the store ITs: embedded Derby always; PostgreSQL (127.0.0.1:5432, database
 * {@code test}, user {@code postgres}) and MariaDB (127.0.0.1:3306, {@code test}, {@code root})
 * when running. Each config has its own table prefix.
 */
public final class StoreDatabases {
  private StoreDatabases() {}

  /** A named config. */
  public record Db(String name, MetadataStorageConfig config, int port) {
    @Override
    public String toString() {
      return name;
    }

    public void assumeReachable() {
      if (port > 0) {
        Assumptions.assumeTrue(reachable(port), name + " is not running on 127.0.0.1:" + port);
      }
    }
  }

  public static String uniquePrefix() {
    return "it" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
  }

  public static Db derby() {
    return new Db("derby", new MetadataStorageConfig("derby",
        Map.of("connectURI", "jdbc:derby:memory:" + uniquePrefix() + ";create=true"), Map.of("base", uniquePrefix())),
        0);
  }

  public static Stream<Db> all() {
    return Stream.of(derby(),
        new Db("postgresql", new MetadataStorageConfig("postgresql",
            Map.of("connectURI", "jdbc:postgresql://127.0.0.1:5432/test", "user", "postgres"),
            Map.of("base", uniquePrefix())), 5432),
        new Db("mariadb", new MetadataStorageConfig("mysql",
            Map.of("connectURI", "jdbc:mysql://127.0.0.1:3306/test", "user", "root", "password", ""),
            Map.of("base", uniquePrefix())), 3306));
  }

  static boolean reachable(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
