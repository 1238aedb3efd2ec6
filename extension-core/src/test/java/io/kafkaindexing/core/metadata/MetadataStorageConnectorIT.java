package io.kafkaindexing.core.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JDBC connector against embedded Derby and, when running, PostgreSQL and MariaDB. */
class MetadataStorageConnectorIT {
  static Stream<TestDatabases.Db> databases() {
    return TestDatabases.all();
  }

  private static List<String> ddl(SqlDialect d, String table) {
    return List.of(
        "CREATE TABLE " + table + " (id " + d.serialType() + " NOT NULL, name VARCHAR(255) NOT NULL, payload "
            + d.payloadType() + " NOT NULL, PRIMARY KEY (id))",
        "CREATE INDEX idx_" + table + "_name ON " + table + "(name)");
  }

  private static int count(MetadataStorageConnector connector, String table) throws SQLException {
    try (Connection c = connector.connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static void insert(Connection c, String table, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (name, payload) VALUES (?, ?)")) {
      ps.setString(1, name);
      ps.setBytes(2, ("{\"name\":\"" + name + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      ps.executeUpdate();
    }
  }

  private static void drop(MetadataStorageConnector connector, String table) throws SQLException {
    try (Connection c = connector.connect(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE " + table);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void createTableIfMissingIsIdempotent(TestDatabases.Db db) throws Exception {
    db.assumeReachable();
    MetadataStorageConnector connector = new MetadataStorageConnector(db.config());
    connector.start();
    String table = connector.table("things");
    assertTrue(table.startsWith(db.config().table("")), table);
    try {
      connector.createTableIfMissing(table, ddl(connector.dialect(), table));
      connector.inTransaction(c -> {
        insert(c, table, "a");
        return null;
      });
      // Second call: the table exists, nothing is run (the CREATE INDEX would fail if it were).
      connector.createTableIfMissing(table, ddl(connector.dialect(), table));
      assertEquals(1, count(connector, table), "existing rows survive");
    } finally {
      drop(connector, table);
      connector.stop();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void concurrentCreatesAllSucceed(TestDatabases.Db db) throws Exception {
    db.assumeReachable();
    MetadataStorageConnector connector = new MetadataStorageConnector(db.config());
    connector.start();
    String table = connector.table("raced");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Object>> results = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Callable<Object> create = () -> {
          connector.createTableIfMissing(table, List.of("CREATE TABLE " + table + " (id INTEGER NOT NULL)"));
          return null;
        };
        results.add(pool.submit(create));
      }
      for (Future<Object> f : results) {
        f.get();
      }
      assertEquals(0, count(connector, table));
    } finally {
      pool.shutdownNow();
      drop(connector, table);
      connector.stop();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void inTransactionCommitsOrRollsBack(TestDatabases.Db db) throws Exception {
    db.assumeReachable();
    MetadataStorageConnector connector = new MetadataStorageConnector(db.config());
    connector.start();
    String table = connector.table("tx");
    try {
      connector.createTableIfMissing(table, ddl(connector.dialect(), table));
      String result = connector.inTransaction(c -> {
        assertFalse(c.getAutoCommit());
        insert(c, table, "committed-1");
        insert(c, table, "committed-2");
        return "done";
      });
      assertEquals("done", result);
      assertEquals(2, count(connector, table));

      SQLException sql = new SQLException("boom");
      SQLException thrown = assertThrows(SQLException.class, () -> connector.inTransaction(c -> {
        insert(c, table, "rolled-back");
        throw sql;
      }));
      assertSame(sql, thrown);
      assertEquals(2, count(connector, table), "a unit of work that throws SQLException is rolled back");

      IllegalStateException runtime = assertThrows(IllegalStateException.class, () -> connector.inTransaction(c -> {
        insert(c, table, "rolled-back-too");
        throw new IllegalStateException("bad state");
      }));
      assertEquals("bad state", runtime.getMessage());
      assertEquals(2, count(connector, table), "a unit of work that throws a RuntimeException is rolled back");

      List<String> names = connector.inTransaction(c -> {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM " + table + " ORDER BY id")) {
          while (rs.next()) {
            out.add(rs.getString(1));
          }
        }
        return out;
      });
      assertEquals(List.of("committed-1", "committed-2"), names);
    } finally {
      drop(connector, table);
      connector.stop();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void badSqlFailsAndLeavesNoTable(TestDatabases.Db db) throws Exception {
    db.assumeReachable();
    MetadataStorageConnector connector = new MetadataStorageConnector(db.config());
    connector.start();
    String table = connector.table("broken");
    try {
      assertThrows(SQLException.class,
          () -> connector.createTableIfMissing(table, List.of("CREATE TABLE " + table + " (id NOT_A_TYPE)")));
      assertThrows(SQLException.class, () -> count(connector, table));
    } finally {
      connector.stop();
    }
  }

  @Test
  void derbyOnDiskCreatesItsDirectoryAndSurvivesRestart(@TempDir Path dir) throws Exception {
    Path dbPath = dir.resolve("var/druid/metadata.db");
    MetadataStorageConfig config = new MetadataStorageConfig("derby",
        Map.of("connectURI", "jdbc:derby:" + dbPath + ";create=true"), Map.of("base", "disk"));
    MetadataStorageConnector connector = new MetadataStorageConnector(config);
    connector.start();
    assertTrue(Files.isDirectory(dbPath), "the database directory is created under var/");
    String table = connector.table("rows");
    connector.createTableIfMissing(table, ddl(connector.dialect(), table));
    connector.inTransaction(c -> {
      insert(c, table, "kept");
      return null;
    });
    connector.stop();
    // After a clean shutdown the same files open again with the row.
    MetadataStorageConnector again = new MetadataStorageConnector(config);
    again.start();
    try {
      assertEquals(1, count(again, table));
    } finally {
      again.stop();
    }
  }

  @Test
  void unreachableServerFailsStart() {
    MetadataStorageConfig config = new MetadataStorageConfig("postgresql",
        Map.of("connectURI", "jdbc:postgresql://127.0.0.1:1/nothing?connectTimeout=2", "user", "x"), null);
    assertThrows(SQLException.class, () -> new MetadataStorageConnector(config).start());
  }
}
