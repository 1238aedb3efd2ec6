package io.kafkaindexing.query.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Inject;
import io.kafkaindexing.core.metadata.MetadataStorageConnector;
import io.kafkaindexing.segment.DataSegment;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Druid's {@code druid_segments} table: one row per published segment ({@code id},
 * {@code dataSource}, {@code created_date}, {@code start}, {@code end}, {@code partitioned},
 * {@code version}, {@code used}, {@code payload} = the {@link DataSegment} JSON,
 * {@code used_status_last_updated}). The Overlord inserts rows inside its publish transaction; the
 * Historical reads the used ones. Thread-safe.
 */
public final class SegmentsTable {
  private static final Logger log = LoggerFactory.getLogger(SegmentsTable.class);

  private final MetadataStorageConnector connector;
  private final ObjectMapper mapper;
  private final String table;

  @Inject
  public SegmentsTable(MetadataStorageConnector connector, ObjectMapper mapper) {
    this.connector = connector;
    this.mapper = mapper;
    this.table = connector.table("segments");
  }

  public void createTable() throws SQLException {
    var d = connector.dialect();
    connector.createTableIfMissing(table, List.of(
        "CREATE TABLE " + table + " (id VARCHAR(255) NOT NULL, dataSource VARCHAR(255) NOT NULL,"
            + " created_date VARCHAR(255) NOT NULL, start VARCHAR(255) NOT NULL, " + d.quote("end")
            + " VARCHAR(255) NOT NULL, partitioned " + d.booleanType() + " NOT NULL, version VARCHAR(255) NOT NULL,"
            + " used " + d.booleanType() + " NOT NULL, payload " + d.payloadType() + " NOT NULL,"
            + " used_status_last_updated VARCHAR(255) NOT NULL, PRIMARY KEY (id))",
        "CREATE INDEX idx_" + table + "_datasource_used_end_start ON " + table
            + " (dataSource, used, " + d.quote("end") + ", start)"));
  }

  /** Inserts {@code segment} as used, on the caller's connection (inside its transaction). */
  public void insertUsed(Connection c, DataSegment segment) throws SQLException {
    byte[] payload;
    try {
      payload = mapper.writeValueAsBytes(segment);
    } catch (JsonProcessingException e) {
      throw new SQLException("Cannot serialize segment[" + segment.getId() + "]", e);
    }
    String now = DateTime.now(DateTimeZone.UTC).toString();
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (id, dataSource, created_date, start, "
        + connector.dialect().quote("end") + ", partitioned, version, used, payload, used_status_last_updated)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, segment.getIdentifier());
      ps.setString(2, segment.getDataSource());
      ps.setString(3, now);
      ps.setString(4, segment.getInterval().getStart().toString());
      ps.setString(5, segment.getInterval().getEnd().toString());
      ps.setBoolean(6, true);
      ps.setString(7, segment.getVersion());
      ps.setBoolean(8, true);
      ps.setBytes(9, payload);
      ps.setString(10, now);
      ps.executeUpdate();
    }
  }

  /** True if a row with this segment id exists (used or not), on the caller's connection. */
  public boolean exists(Connection c, String segmentId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + table + " WHERE id = ?")) {
      ps.setString(1, segmentId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Every used segment; rows whose payload cannot be read are skipped with a warning. */
  public List<DataSegment> usedSegments() throws SQLException {
    return connector.inTransaction(c -> {
      List<DataSegment> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT id, payload FROM " + table + " WHERE used = ?")) {
        ps.setBoolean(1, true);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            try {
              out.add(mapper.readValue(rs.getBytes(2), DataSegment.class));
            } catch (IOException e) {
              log.warn("Segment[{}] has an unreadable payload; not loading it", rs.getString(1), e);
            }
          }
        }
      }
      return out;
    });
  }

  /** The used segments of one data source, on the caller's connection. */
  public List<DataSegment> usedSegments(Connection c, String dataSource) throws SQLException {
    List<DataSegment> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT payload FROM " + table + " WHERE dataSource = ? AND used = ?")) {
      ps.setString(1, dataSource);
      ps.setBoolean(2, true);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          try {
            out.add(mapper.readValue(rs.getBytes(1), DataSegment.class));
          } catch (IOException e) {
            throw new SQLException("Unreadable segment payload in data source[" + dataSource + "]", e);
          }
        }
      }
    }
    return out;
  }
}
