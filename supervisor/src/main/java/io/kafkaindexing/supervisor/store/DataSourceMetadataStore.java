package io.kafkaindexing.supervisor.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Inject;
import io.kafkaindexing.core.metadata.MetadataStorageConnector;
import io.kafkaindexing.indexing.kafka.KafkaPartition;
import io.kafkaindexing.indexing.kafka.PartitionOffsets;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/**
 * The committed Kafka offsets of each data source in Druid's {@code druid_dataSource} table
 * ({@code dataSource}, {@code created_date}, {@code commit_metadata_payload},
 * {@code commit_metadata_sha1}), payload in Druid's shape
 * {@code {"type":"kafka","partitions":{"type":"end","stream":"metrics","partitionOffsetMap":{"0":3}}}}:
 * per partition, the next offset whose row is not yet durably stored. Updates compare-and-swap on
 * the sha1 of the payload they read. Thread-safe.
 */
public final class DataSourceMetadataStore {
  private final MetadataStorageConnector connector;
  private final ObjectMapper mapper;
  private final String table;

  @Inject
  public DataSourceMetadataStore(MetadataStorageConnector connector, ObjectMapper mapper) {
    this.connector = connector;
    this.mapper = mapper;
    this.table = connector.table("dataSource");
  }

  public void createTable() throws SQLException {
    connector.createTableIfMissing(table, List.of(
        "CREATE TABLE " + table + " (dataSource VARCHAR(255) NOT NULL, created_date VARCHAR(255) NOT NULL,"
            + " commit_metadata_payload " + connector.dialect().payloadType() + " NOT NULL,"
            + " commit_metadata_sha1 VARCHAR(255) NOT NULL, PRIMARY KEY (dataSource))"));
  }

  /** The committed offsets of {@code dataSource}, if any. */
  public Optional<PartitionOffsets> get(String dataSource) throws SQLException {
    return connector.inTransaction(c -> read(c, dataSource).map(Committed::offsets));
  }

  /**
   * Records offsets for the partitions of {@code candidates} that have none yet, keeping those
   * already committed, and returns the committed offsets of all partitions of {@code candidates}.
   *
   * @throws IllegalStateException if the committed offsets belong to another topic
   */
  public Map<KafkaPartition, Long> commitMissing(String dataSource, String topic, Map<KafkaPartition, Long> candidates)
      throws SQLException {
    return connector.inTransaction(c -> {
      Optional<Committed> stored = read(c, dataSource);
      Map<KafkaPartition, Long> all = new TreeMap<>();
      if (stored.isPresent()) {
        PartitionOffsets current = stored.get().offsets();
        if (!current.getStream().equals(topic)) {
          throw new IllegalStateException("Data source[" + dataSource + "] has offsets committed for topic["
              + current.getStream() + "], not for topic[" + topic + "]; reset the supervisor to read another topic");
        }
        all.putAll(current.getPartitionOffsetMap());
      }
      boolean changed = false;
      for (Map.Entry<KafkaPartition, Long> e : candidates.entrySet()) {
        if (!all.containsKey(e.getKey())) {
          all.put(e.getKey(), e.getValue());
          changed = true;
        }
      }
      if (changed) {
        write(c, dataSource, stored, new PartitionOffsets(topic, all));
      }
      Map<KafkaPartition, Long> out = new TreeMap<>();
      candidates.keySet().forEach(p -> out.put(p, all.get(p)));
      return out;
    });
  }

  /** Removes the committed offsets of {@code dataSource}; true if there were any. */
  public boolean delete(String dataSource) throws SQLException {
    return connector.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE dataSource = ?")) {
        ps.setString(1, dataSource);
        return ps.executeUpdate() > 0;
      }
    });
  }

  /**
   * Sets the committed offsets of the given partitions (others keep theirs), as Druid's
   * {@code resetOffsets} does.
   *
   * @throws IllegalStateException if the committed offsets belong to another topic
   */
  public void overwrite(String dataSource, PartitionOffsets offsets) throws SQLException {
    connector.inTransaction(c -> {
      Optional<Committed> stored = read(c, dataSource);
      Map<KafkaPartition, Long> all = new TreeMap<>();
      if (stored.isPresent()) {
        if (!stored.get().offsets().getStream().equals(offsets.getStream())) {
          throw new IllegalStateException("Data source[" + dataSource + "] has offsets committed for topic["
              + stored.get().offsets().getStream() + "], not for topic[" + offsets.getStream() + "]");
        }
        all.putAll(stored.get().offsets().getPartitionOffsetMap());
      }
      all.putAll(offsets.getPartitionOffsetMap());
      write(c, dataSource, stored, new PartitionOffsets(offsets.getStream(), all));
      return null;
    });
  }

  /** The committed offsets changed between read and compare-and-swap update: the transaction can be retried. */
  public static final class ConcurrentUpdateException extends SQLException {
    private static final long serialVersionUID = 1L;

    ConcurrentUpdateException(String message) {
      super(message);
    }
  }

  /** The committed offsets as read, with the sha1 a compare-and-swap update checks. */
  public record Committed(PartitionOffsets offsets, String sha1) {
  }

  /** Reads the committed offsets on the caller's connection (inside its transaction). */
  public Optional<Committed> read(Connection c, String dataSource) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT commit_metadata_payload, commit_metadata_sha1 FROM " + table + " WHERE dataSource = ?")) {
      ps.setString(1, dataSource);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        CommitMetadata metadata = mapper.readValue(rs.getBytes(1), CommitMetadata.class);
        return Optional.of(new Committed(metadata.partitionsAsOffsets(), rs.getString(2)));
      } catch (IOException e) {
        throw new SQLException("Unreadable commit metadata of data source[" + dataSource + "]", e);
      }
    }
  }

  /**
   * Writes {@code offsets} on the caller's connection: an insert if nothing was committed, else an
   * update that fails if the row changed since {@code previous} was read.
   */
  public void write(Connection c, String dataSource, Optional<Committed> previous, PartitionOffsets offsets)
      throws SQLException {
    byte[] payload;
    try {
      payload = mapper.writeValueAsBytes(new CommitMetadata("kafka", offsets));
    } catch (IOException e) {
      throw new SQLException("Cannot serialize commit metadata of data source[" + dataSource + "]", e);
    }
    String sha1 = sha1(payload);
    if (previous.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
          + " (dataSource, created_date, commit_metadata_payload, commit_metadata_sha1) VALUES (?, ?, ?, ?)")) {
        ps.setString(1, dataSource);
        ps.setString(2, DateTime.now(DateTimeZone.UTC).toString());
        ps.setBytes(3, payload);
        ps.setString(4, sha1);
        ps.executeUpdate();
      }
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET commit_metadata_payload = ?,"
        + " commit_metadata_sha1 = ? WHERE dataSource = ? AND commit_metadata_sha1 = ?")) {
      ps.setBytes(1, payload);
      ps.setString(2, sha1);
      ps.setString(3, dataSource);
      ps.setString(4, previous.get().sha1());
      if (ps.executeUpdate() != 1) {
        throw new ConcurrentUpdateException("Commit metadata of data source[" + dataSource + "] changed concurrently");
      }
    }
  }

  private static String sha1(byte[] payload) {
    try {
      return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(payload));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
