package io.kafkaindexing.core.metadata;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The metadata stores integration tests run against: embedded Derby always, and the PostgreSQL
 * (127.0.0.1:5432, database {@code test}, user {@code postgres}) and MariaDB (127.0.0.1:3306,
 * database {@code test}, user {@code root}, empty password) servers when they are reachable. Each
 * config gets a unique table prefix so runs never share tables.
 */
public final class TestDatabases {
  private TestDatabases() {}

  /** A named metadata-store config. */
  public record Db(String name, MetadataStorageConfig config) {
    @Override
    public String toString() {
      return name;
    }

    /** Skips the calling test when the server is not running here. */
    public void assumeReachable() {
      if (name.equals("derby")) {
        return;
      }
      int port = name.equals("postgresql") ? 5432 : 3306;
      Assumptions.assumeTrue(reachable(port), name + " is not running on 127.0.0.1:" + port);
    }
  }

  public static Stream<Db> all() {
    return Stream.of(derby(), postgresql(), mariadb());
  }

  public static String uniquePrefix() {
    return "it" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
  }

  public static Db derby() {
    return new Db("derby", new MetadataStorageConfig("derby",
        Map.of("connectURI", "jdbc:derby:memory:" + uniquePrefix() + ";create=true"),
        Map.of("base", uniquePrefix())));
  }

  public static Db postgresql() {
    return new Db("postgresql", new MetadataStorageConfig("postgresql",
        Map.of("connectURI", "jdbc:postgresql://127.0.0.1:5432/test", "user", "postgres"),
        Map.of("base", uniquePrefix())));
  }

  public static Db mariadb() {
    return new Db("mariadb", new MetadataStorageConfig("mysql",
        Map.of("connectURI", "jdbc:mysql://127.0.0.1:3306/test", "user", "root", "password", ""),
        Map.of("base", uniquePrefix())));
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
