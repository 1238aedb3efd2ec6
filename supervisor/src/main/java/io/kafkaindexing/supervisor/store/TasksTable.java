package io.kafkaindexing.supervisor.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Inject;
import io.kafkaindexing.core.metadata.MetadataStorageConnector;
import io.kafkaindexing.indexing.task.Task;
import io.kafkaindexing.indexing.task.TaskStatus;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/**
 * Druid's {@code druid_tasks} table: every task submitted ({@code id}, {@code created_date},
 * {@code datasource}, {@code payload} = the task JSON, {@code status_payload} = its status JSON,
 * {@code active}, {@code type}, {@code group_id}), so that finished tasks stay listed after a
 * restart. Thread-safe.
 */
public final class TasksTable {
  /** A stored task: its JSON payload and last status. */
  public record Entry(String id, DateTime createdTime, String dataSource, String type, String groupId,
      byte[] payload, TaskStatus status, boolean active) {
  }

  private final MetadataStorageConnector connector;
  private final ObjectMapper mapper;
  private final String table;

  @Inject
  public TasksTable(MetadataStorageConnector connector, ObjectMapper mapper) {
    this.connector = connector;
    this.mapper = mapper;
    this.table = connector.table("tasks");
  }

  public void createTable() throws SQLException {
    var d = connector.dialect();
    connector.createTableIfMissing(table, List.of(
        "CREATE TABLE " + table + " (id VARCHAR(255) NOT NULL, created_date VARCHAR(255) NOT NULL,"
            + " datasource VARCHAR(255) NOT NULL, payload " + d.payloadType() + " NOT NULL, status_payload "
            + d.payloadType() + " NOT NULL, active " + d.booleanType() + " NOT NULL, type VARCHAR(255),"
            + " group_id VARCHAR(255), PRIMARY KEY (id))",
        "CREATE INDEX idx_" + table + "_active_created_date ON " + table + " (active, created_date)"));
  }

  public void insert(Task task, String groupId, DateTime created, TaskStatus status) throws SQLException {
    connector.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
          + " (id, created_date, datasource, payload, status_payload, active, type, group_id)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, task.getId());
        ps.setString(2, created.withZone(DateTimeZone.UTC).toString());
        ps.setString(3, task.getDataSource());
        try {
          ps.setBytes(4, mapper.writerFor(Task.class).writeValueAsBytes(task));
        } catch (JsonProcessingException e) {
          throw new SQLException("Cannot serialize task[" + task.getId() + "]", e);
        }
        ps.setBytes(5, json(status));
        ps.setBoolean(6, !status.isComplete());
        ps.setString(7, task.getType());
        ps.setString(8, groupId);
        ps.executeUpdate();
      }
      return null;
    });
  }

  public void updateStatus(TaskStatus status) throws SQLException {
    connector.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE " + table + " SET status_payload = ?, active = ? WHERE id = ?")) {
        ps.setBytes(1, json(status));
        ps.setBoolean(2, !status.isComplete());
        ps.setString(3, status.getId());
        ps.executeUpdate();
      }
      return null;
    });
  }

  /**
   * Tasks still active from an earlier run of this process died with it: they are marked failed
   * with {@code reason}. Returns how many.
   */
  public int failActive(String reason) throws SQLException {
    List<Entry> active = new ArrayList<>();
    for (Entry e : list(true, null)) {
      active.add(e);
    }
    for (Entry e : active) {
      updateStatus(TaskStatus.failure(e.id(), reason));
    }
    return active.size();
  }

  public Optional<Entry> get(String id) throws SQLException {
    return connector.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(select() + " WHERE id = ?")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
        }
      }
    });
  }

  /** Stored tasks, newest first; {@code active} null for all; {@code dataSource} null for every data source. */
  public List<Entry> list(Boolean active, String dataSource) throws SQLException {
    return connector.inTransaction(c -> {
      StringBuilder sql = new StringBuilder(select()).append(" WHERE 1 = 1");
      if (active != null) {
        sql.append(" AND active = ?");
      }
      if (dataSource != null) {
        sql.append(" AND datasource = ?");
      }
      sql.append(" ORDER BY created_date DESC");
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        int i = 1;
        if (active != null) {
          ps.setBoolean(i++, active);
        }
        if (dataSource != null) {
          ps.setString(i, dataSource);
        }
        List<Entry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(entry(rs));
          }
        }
        return out;
      }
    });
  }

  private String select() {
    return "SELECT id, created_date, datasource, type, group_id, payload, status_payload, active FROM " + table;
  }

  private Entry entry(ResultSet rs) throws SQLException {
    try {
      return new Entry(rs.getString(1), DateTime.parse(rs.getString(2)), rs.getString(3), rs.getString(4),
          rs.getString(5), rs.getBytes(6), mapper.readValue(rs.getBytes(7), TaskStatus.class), rs.getBoolean(8));
    } catch (IOException e) {
      throw new SQLException("Unreadable status of task[" + rs.getString(1) + "]", e);
    }
  }

  private byte[] json(Object value) throws SQLException {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new SQLException("Cannot serialize " + value, e);
    }
  }
}
