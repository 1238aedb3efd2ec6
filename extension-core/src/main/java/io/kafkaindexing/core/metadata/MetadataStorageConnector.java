package io.kafkaindexing.core.metadata;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import io.kafkaindexing.core.lifecycle.Managed;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JDBC access to the metadata store (embedded Derby, PostgreSQL, MySQL/MariaDB). Creates the tables
 * it is asked for at start-up if missing, and runs units of work in transactions. Connections are
 * opened per unit of work. Thread-safe.
 */
@Singleton
public final class MetadataStorageConnector implements Managed {
  private static final Logger log = LoggerFactory.getLogger(MetadataStorageConnector.class);

  /** A unit of work on one connection inside a transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final MetadataStorageConfig config;

  @Inject
  public MetadataStorageConnector(MetadataStorageConfig config) {
    this.config = config;
  }

  @Override
  public Stage stage() {
    return Stage.INIT;
  }

  @Override
  public void start() throws SQLException {
    if (config.dialect() == SqlDialect.DERBY) {
      String path = derbyPath();
      java.io.File parent = path == null ? null : new java.io.File(path).getAbsoluteFile().getParentFile();
      if (parent != null && !parent.exists() && !parent.mkdirs()) {
        throw new SQLException("Cannot create directory[" + parent + "] for the metadata store");
      }
      // Derby writes its boot log to ./derby.log unless told otherwise: keep it next to the database.
      if (System.getProperty("derby.stream.error.file") == null && System.getProperty("derby.stream.error.field") == null) {
        if (parent != null) {
          System.setProperty("derby.stream.error.file", new java.io.File(parent, "derby.log").getPath());
        } else {
          System.setProperty("derby.stream.error.field", DerbyLog.class.getName() + ".DISCARD");
        }
      }
    }
    try (Connection c = connect()) {
      log.info("Metadata store ready: {} ({})", config.dialect().type(), c.getMetaData().getDatabaseProductVersion());
    }
  }

  @Override
  public void stop() {
    if (config.dialect() == SqlDialect.DERBY && derbyPath() != null) {
      try {
        DriverManager.getConnection("jdbc:derby:" + derbyPath() + ";shutdown=true").close();
      } catch (SQLException e) {
        // Derby reports a successful database shutdown as SQLState 08006.
        if (!"08006".equals(e.getSQLState())) {
          log.warn("Derby metadata store did not shut down cleanly", e);
        }
      }
    }
  }

  private String derbyPath() {
    String uri = config.connectUri();
    if (!uri.startsWith("jdbc:derby:") || uri.startsWith("jdbc:derby://") || uri.startsWith("jdbc:derby:memory:")) {
      return null;
    }
    String rest = uri.substring("jdbc:derby:".length());
    int semi = rest.indexOf(';');
    return semi < 0 ? rest : rest.substring(0, semi);
  }

  public MetadataStorageConfig config() {
    return config;
  }

  public SqlDialect dialect() {
    return config.dialect();
  }

  public String table(String name) {
    return config.table(name);
  }

  /** A new connection in auto-commit mode; the caller closes it. */
  public Connection connect() throws SQLException {
    Properties props = new Properties();
    if (config.user() != null) {
      props.setProperty("user", config.user());
    }
    if (config.password() != null) {
      props.setProperty("password", config.password());
    }
    return DriverManager.getConnection(config.dialect().jdbcUrl(config.connectUri()), props);
  }

  /** Runs {@code work} in a transaction: committed if it returns, rolled back if it throws. */
  public <T> T inTransaction(Work<T> work) throws SQLException {
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /**
   * Creates table {@code fullName} with the given DDL statements (in one transaction where the
   * database allows DDL in transactions, so an embedded Derby syncs its log once) unless it exists.
   */
  public void createTableIfMissing(String fullName, List<String> ddl) throws SQLException {
    try (Connection c = connect()) {
      if (canSelectFrom(c, fullName)) {
        return;
      }
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        for (String sql : ddl) {
          s.execute(sql);
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        c.setAutoCommit(true);
        if (tableExists(c, fullName)) {
          return; // created concurrently by another process
        }
        throw e;
      }
      log.info("Created table[{}]", fullName);
    }
  }

  /**
   * Whether a query on table {@code name} compiles: the table exists, spelled as the DDL spells it.
   * Much cheaper than {@link DatabaseMetaData#getTables} on Derby, whose first call compiles a large
   * catalog query (about a third of a second at start-up).
   */
  private static boolean canSelectFrom(Connection c, String name) {
    try (Statement s = c.createStatement()) {
      s.executeQuery("SELECT 1 FROM " + name + " WHERE 1 = 0").close();
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private static boolean tableExists(Connection c, String name) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    for (String candidate : new String[] {name, name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT)}) {
      try (ResultSet rs = md.getTables(c.getCatalog(), null, candidate, new String[] {"TABLE"})) {
        if (rs.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
