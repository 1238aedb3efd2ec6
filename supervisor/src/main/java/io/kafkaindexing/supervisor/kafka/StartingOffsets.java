package io.kafkaindexing.supervisor.kafka;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import io.kafkaindexing.indexing.kafka.KafkaPartition;
import io.kafkaindexing.supervisor.store.DataSourceMetadataStore;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * Where each data source's tasks start reading: the committed offsets in the metadata store
 * ({@code druid_dataSource}). A partition with nothing committed gets the offset the supervisor
 * resolves (earliest or latest, per {@code useEarliestOffset}) committed the first time, so that a
 * replacement task, an updated spec or a restarted server starts again from the same place: rows
 * not yet durably stored are read again, never skipped. Thread-safe.
 */
@Singleton
public final class StartingOffsets {
  private final DataSourceMetadataStore store;

  @Inject
  public StartingOffsets(DataSourceMetadataStore store) {
    this.store = store;
  }

  /** The committed offset of one partition, if any. */
  public Optional<Long> get(String dataSource, String topic, KafkaPartition partition) {
    try {
      return store.get(dataSource).filter(o -> o.getStream().equals(topic))
          .map(o -> o.getPartitionOffsetMap().get(partition));
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read committed offsets of data source[" + dataSource + "]: "
          + e.getMessage(), e);
    }
  }

  /** Forgets the committed offsets of {@code dataSource}. */
  public void clear(String dataSource) {
    try {
      store.delete(dataSource);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reset committed offsets of data source[" + dataSource + "]: "
          + e.getMessage(), e);
    }
  }

  /** Sets the committed offsets of some partitions of {@code dataSource}. */
  public void overwrite(String dataSource, io.kafkaindexing.indexing.kafka.PartitionOffsets offsets) {
    try {
      store.overwrite(dataSource, offsets);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot set committed offsets of data source[" + dataSource + "]: "
          + e.getMessage(), e);
    }
  }

  /**
   * Commits {@code resolved} for partitions without a committed offset and returns the committed
   * offsets of all of them.
   */
  public Map<KafkaPartition, Long> commitIfAbsent(String dataSource, String topic, Map<KafkaPartition, Long> resolved) {
    try {
      return store.commitMissing(dataSource, topic, resolved);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot commit starting offsets of data source[" + dataSource + "]: "
          + e.getMessage(), e);
    }
  }
}
