package io.kafkaindexing.core.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.metadata.MetadataStorageConnector;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Druid's {@code druid_audit} table ({@code druid.metadata.storage.tables.base} + {@code _audit}):
 * {@code id} (auto-increment), {@code audit_key}, {@code type}, {@code author},
 * {@code comment} (up to 2048 characters), {@code created_date} (ISO-8601 UTC text) and
 * {@code payload} (the whole {@link AuditEntry} as JSON bytes), indexed on (audit_key,
 * created_date), (type, created_date) and created_date as Druid indexes it. Thread-safe.
 */
public final class AuditTable {
  private final MetadataStorageConnector connector;
  private final ObjectMapper mapper;
  private final String table;

  public AuditTable(MetadataStorageConnector connector, ObjectMapper mapper) {
    this.connector = connector;
    this.mapper = mapper;
    this.table = connector.table("audit");
  }

  public String name() {
    return table;
  }

  public void createTable() throws SQLException {
    var d = connector.dialect();
    connector.createTableIfMissing(table, List.of(
        "CREATE TABLE " + table + " (id " + d.serialType() + " NOT NULL, audit_key VARCHAR(255) NOT NULL,"
            + " type VARCHAR(255) NOT NULL, author VARCHAR(255) NOT NULL, comment VARCHAR(2048) NOT NULL,"
            + " created_date VARCHAR(255) NOT NULL, payload " + d.payloadType() + " NOT NULL, PRIMARY KEY (id))",
        "CREATE INDEX idx_" + table + "_key_time ON " + table + " (audit_key, created_date)",
        "CREATE INDEX idx_" + table + "_type_time ON " + table + " (type, created_date)",
        "CREATE INDEX idx_" + table + "_audit_time ON " + table + " (created_date)"));
  }

  public void insert(AuditEntry entry) throws SQLException {
    byte[] payload;
    try {
      payload = mapper.writeValueAsBytes(entry);
    } catch (JsonProcessingException e) {
      throw new SQLException("Cannot serialize the audit entry of key[" + entry.key() + "]", e);
    }
    connector.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
          + " (audit_key, type, author, comment, created_date, payload) VALUES (?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, entry.key());
        ps.setString(2, entry.type());
        ps.setString(3, nonNull(entry.auditInfo().author()));
        ps.setString(4, nonNull(entry.auditInfo().comment()));
        ps.setString(5, entry.auditTime().toString());
        ps.setBytes(6, payload);
        ps.executeUpdate();
      }
      return null;
    });
  }

  /** Entries of {@code type} for {@code key} created between the two ISO times (inclusive), oldest first. */
  public List<AuditEntry> between(String key, String type, String start, String end) throws SQLException {
    return query("SELECT payload FROM " + table + " WHERE audit_key = ? AND type = ?"
        + " AND created_date >= ? AND created_date <= ? ORDER BY created_date, id", Integer.MAX_VALUE,
        key, type, start, end);
  }

  /** The newest {@code limit} entries of {@code type} (for {@code key} unless null), newest first. */
  public List<AuditEntry> newest(String key, String type, int limit) throws SQLException {
    if (key == null) {
      return query("SELECT payload FROM " + table + " WHERE type = ? ORDER BY created_date DESC, id DESC",
          limit, type);
    }
    return query("SELECT payload FROM " + table + " WHERE type = ? AND audit_key = ?"
        + " ORDER BY created_date DESC, id DESC", limit, type, key);
  }

  private List<AuditEntry> query(String sql, int limit, String... params) throws SQLException {
    return connector.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < params.length; i++) {
          ps.setString(i + 1, params[i]);
        }
        ps.setMaxRows(limit);
        List<AuditEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next() && out.size() < limit) {
            try {
              out.add(mapper.readValue(rs.getBytes(1), AuditEntry.class));
            } catch (IOException e) {
              throw new SQLException("Unreadable audit entry in table[" + table + "]", e);
            }
          }
        }
        return out;
      }
    });
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
