package io.kafkaindexing.supervisor.store;

import com.google.inject.Inject;
import io.kafkaindexing.core.metadata.MetadataStorageConnector;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/**
 * Supervisor specs in Druid's {@code druid_supervisors} table: every POST appends a version
 * ({@code id} auto-increment, {@code spec_id}, {@code created_date}, {@code payload} = spec JSON),
 * and the latest version per {@code spec_id} is the current spec. Thread-safe.
 */
public final class SupervisorStore {
  private final MetadataStorageConnector connector;
  private final String table;

  @Inject
  public SupervisorStore(MetadataStorageConnector connector) {
    this.connector = connector;
    this.table = connector.table("supervisors");
  }

  public void createTable() throws SQLException {
    var d = connector.dialect();
    connector.createTableIfMissing(table, List.of(
        "CREATE TABLE " + table + " (id " + d.serialType() + " NOT NULL, spec_id VARCHAR(255) NOT NULL,"
            + " created_date VARCHAR(255) NOT NULL, payload " + d.payloadType() + " NOT NULL, PRIMARY KEY (id))",
        "CREATE INDEX idx_" + table + "_spec_id ON " + table + "(spec_id)"));
  }

  /** Appends a new version of spec {@code specId}. */
  public void insert(String specId, byte[] payload) throws SQLException {
    connector.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO " + table + " (spec_id, created_date, payload) VALUES (?, ?, ?)")) {
        ps.setString(1, specId);
        ps.setString(2, DateTime.now(DateTimeZone.UTC).toString());
        ps.setBytes(3, payload);
        ps.executeUpdate();
      }
      return null;
    });
  }

  /** The latest payload of every spec id, in spec id order. */
  public Map<String, byte[]> latest() throws SQLException {
    return connector.inTransaction(c -> {
      Map<String, byte[]> out = new LinkedHashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT s.spec_id, s.payload FROM " + table + " s WHERE s.id ="
          + " (SELECT MAX(t.id) FROM " + table + " t WHERE t.spec_id = s.spec_id) ORDER BY s.spec_id");
           ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getBytes(2));
        }
      }
      return out;
    });
  }

  /** Every spec id with its versions, newest first, as (created_date, payload). */
  public Map<String, List<Map.Entry<String, byte[]>>> allHistory() throws SQLException {
    return connector.inTransaction(c -> {
      Map<String, List<Map.Entry<String, byte[]>>> out = new java.util.TreeMap<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT spec_id, created_date, payload FROM " + table + " ORDER BY id DESC");
           ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>())
              .add(Map.entry(rs.getString(2), rs.getBytes(3)));
        }
      }
      return out;
    });
  }

  /** Every version of spec {@code specId}, newest first, as (created_date, payload). */
  public List<Map.Entry<String, byte[]>> history(String specId) throws SQLException {
    return connector.inTransaction(c -> {
      List<Map.Entry<String, byte[]>> out = new java.util.ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT created_date, payload FROM " + table + " WHERE spec_id = ? ORDER BY id DESC")) {
        ps.setString(1, specId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(Map.entry(rs.getString(1), rs.getBytes(2)));
          }
        }
      }
      return out;
    });
  }

}
