package io.kafkaindexing.supervisor.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Inject;
import io.kafkaindexing.core.metadata.MetadataStorageConnector;
import io.kafkaindexing.query.metadata.SegmentsTable;
import io.kafkaindexing.segment.DataSegment;
import io.kafkaindexing.segment.SegmentId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Segment allocation in Druid's {@code druid_pendingSegments} table (payload: the segment id with its
 * shard spec, as Druid stores it). A (sequence name, interval)
 * pair always gets the same segment id, so the replicas of a task group write identical segments
 * and either can publish them. A new id takes the version of the interval's published or pending
 * segments (or a new version, the time of allocation, if there are none) and the next free
 * partition number of that version. Allocations of a data source are serialized in this process;
 * a conflict on the table's unique keys (another process) is retried. Thread-safe.
 */
public final class PendingSegmentsTable {
  private static final Logger log = LoggerFactory.getLogger(PendingSegmentsTable.class);
  private static final int MAX_ATTEMPTS = 10;

  private final MetadataStorageConnector connector;
  private final SegmentsTable segments;
  private final ObjectMapper mapper;
  private final String table;
  /** One monitor per data source; allocations hold it for their transaction. */
  private final java.util.concurrent.ConcurrentMap<String, Object> locks = new java.util.concurrent.ConcurrentHashMap<>();

  @Inject
  public PendingSegmentsTable(MetadataStorageConnector connector, SegmentsTable segments, ObjectMapper mapper) {
    this.connector = connector;
    this.segments = segments;
    this.mapper = mapper;
    this.table = connector.table("pendingSegments");
  }

  public void createTable() throws SQLException {
    var d = connector.dialect();
    connector.createTableIfMissing(table, List.of(
        "CREATE TABLE " + table + " (id VARCHAR(255) NOT NULL, dataSource VARCHAR(255) NOT NULL,"
            + " created_date VARCHAR(255) NOT NULL, start VARCHAR(255) NOT NULL, " + d.quote("end")
            + " VARCHAR(255) NOT NULL, sequence_name VARCHAR(255) NOT NULL, sequence_prev_id VARCHAR(255) NOT NULL,"
            + " sequence_name_prev_id_sha1 VARCHAR(255) NOT NULL, payload " + d.payloadType() + " NOT NULL,"
            + " PRIMARY KEY (id), UNIQUE (sequence_name_prev_id_sha1))"));
  }

  /**
   * The segment id for rows of {@code interval} written under {@code sequenceName}. Allocations of
   * one data source are serialized in this process, as Druid's Overlord serializes them under its
   * task locks: two first allocations of an interval must not pick two versions.
   */
  public SegmentId allocate(String dataSource, Interval interval, String sequenceName) throws SQLException {
    synchronized (locks.computeIfAbsent(dataSource, k -> new Object())) {
      return allocateLocked(dataSource, interval, sequenceName);
    }
  }

  private SegmentId allocateLocked(String dataSource, Interval interval, String sequenceName) throws SQLException {
    String key = sha1(sequenceName + "|" + dataSource + "|" + interval.getStartMillis() + "|" + interval.getEndMillis());
    for (int attempt = 1; ; attempt++) {
      try {
        return connector.inTransaction(c -> {
          Optional<SegmentId> existing = byKey(c, dataSource, key);
          return existing.isPresent() ? existing.get() : insertNew(c, dataSource, interval, sequenceName, key);
        });
      } catch (SQLException e) {
        if (attempt >= MAX_ATTEMPTS || !isConflict(e)) {
          throw e;
        }
        log.debug("Concurrent allocation for dataSource[{}] interval[{}]; retrying", dataSource, interval);
      }
    }
  }

  private Optional<SegmentId> byKey(Connection c, String dataSource, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT payload FROM " + table + " WHERE sequence_name_prev_id_sha1 = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(PendingSegmentPayload.read(mapper, rs.getBytes(1))) : Optional.empty();
      }
    }
  }

  private SegmentId insertNew(Connection c, String dataSource, Interval interval, String sequenceName, String key)
      throws SQLException {
    String version = null;
    int maxPartition = -1;
    for (DataSegment used : segments.usedSegments(c, dataSource)) {
      if (used.getInterval().equals(interval) && (version == null || used.getVersion().compareTo(version) > 0)) {
        version = used.getVersion();
      }
    }
    List<SegmentId> pending = new java.util.ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT payload FROM " + table
        + " WHERE dataSource = ? AND start = ? AND " + connector.dialect().quote("end") + " = ?")) {
      ps.setString(1, dataSource);
      ps.setString(2, iso(interval.getStartMillis()));
      ps.setString(3, iso(interval.getEndMillis()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          pending.add(PendingSegmentPayload.read(mapper, rs.getBytes(1)));
        }
      }
    }
    for (SegmentId p : pending) {
      if (version == null || p.version().compareTo(version) > 0) {
        version = p.version();
      }
    }
    if (version == null) {
      version = iso(System.currentTimeMillis());
    }
    for (DataSegment used : segments.usedSegments(c, dataSource)) {
      if (used.getInterval().equals(interval) && used.getVersion().equals(version)) {
        maxPartition = Math.max(maxPartition, used.getId().partitionNum());
      }
    }
    for (SegmentId p : pending) {
      if (p.version().equals(version)) {
        maxPartition = Math.max(maxPartition, p.partitionNum());
      }
    }
    SegmentId id = new SegmentId(dataSource, interval, version, maxPartition + 1);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (id, dataSource, created_date, start, "
        + connector.dialect().quote("end") + ", sequence_name, sequence_prev_id, sequence_name_prev_id_sha1,"
        + " payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, id.toString());
      ps.setString(2, dataSource);
      ps.setString(3, iso(System.currentTimeMillis()));
      ps.setString(4, iso(interval.getStartMillis()));
      ps.setString(5, iso(interval.getEndMillis()));
      ps.setString(6, sequenceName);
      ps.setString(7, "");
      ps.setString(8, key);
      ps.setBytes(9, PendingSegmentPayload.write(mapper, id));
      ps.executeUpdate();
    }
    return id;
  }

  private static String iso(long millis) {
    return new DateTime(millis, DateTimeZone.UTC).toString();
  }

  /** Unique-key violations: another allocation won the race. SQLState class 23 in all three databases. */
  private static boolean isConflict(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLIntegrityConstraintViolationException
          || (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("23"))) {
        return true;
      }
    }
    return false;
  }

  private static String sha1(String s) {
    try {
      return HexFormat.of().withUpperCase()
          .formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
