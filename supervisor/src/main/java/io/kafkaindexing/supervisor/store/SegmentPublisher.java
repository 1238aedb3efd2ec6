package io.kafkaindexing.supervisor.store;

import com.google.inject.Inject;
import io.kafkaindexing.core.metadata.MetadataStorageConnector;
import io.kafkaindexing.indexing.kafka.KafkaPartition;
import io.kafkaindexing.indexing.kafka.PartitionOffsets;
import io.kafkaindexing.query.metadata.SegmentsTable;
import io.kafkaindexing.segment.DataSegment;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Overlord's transactional publish (exactly-once): in ONE metadata-store transaction, checks
 * that the data source's committed offsets equal the task's start offsets for its partitions,
 * moves them to the task's end offsets (exclusive), and inserts the task's segments as used. If the
 * offsets do not match, nothing is written — unless a replica already published exactly these
 * segments up to exactly these end offsets, which is reported as success. Thread-safe.
 */
public final class SegmentPublisher {
  private static final Logger log = LoggerFactory.getLogger(SegmentPublisher.class);

  /** How a publish ended. */
  public record Result(boolean success, String failure) {
    static Result ok() {
      return new Result(true, null);
    }

    static Result failed(String reason) {
      return new Result(false, reason);
    }
  }

  private static final int MAX_ATTEMPTS = 5;

  private final java.util.concurrent.ConcurrentMap<String, Object> locks = new java.util.concurrent.ConcurrentHashMap<>();
  private final MetadataStorageConnector connector;
  private final DataSourceMetadataStore dataSourceMetadata;
  private final SegmentsTable segments;

  @Inject
  public SegmentPublisher(MetadataStorageConnector connector, DataSourceMetadataStore dataSourceMetadata,
      SegmentsTable segments) {
    this.connector = connector;
    this.dataSourceMetadata = dataSourceMetadata;
    this.segments = segments;
  }

  public Result publish(String dataSource, Set<DataSegment> toPublish, PartitionOffsets start, PartitionOffsets end)
      throws SQLException {
    if (!start.getStream().equals(end.getStream())) {
      return Result.failed("start and end offsets are for different topics");
    }
    for (DataSegment s : toPublish) {
      if (!s.getDataSource().equals(dataSource)) {
        return Result.failed("Segment[" + s.getId() + "] is not of data source[" + dataSource + "]");
      }
    }
    Result result;
    // Publishes of one data source (its task groups cover different partitions) are serialized here,
    // as Druid's Overlord serializes them under its locks; a conflict with another process retries.
    synchronized (locks.computeIfAbsent(dataSource, k -> new Object())) {
      result = publishWithRetries(dataSource, toPublish, start, end);
    }
    if (result.success()) {
      log.info("Published {} segment(s) of data source[{}] with offsets {} -> {}", toPublish.size(), dataSource,
          start.getPartitionOffsetMap(), end.getPartitionOffsetMap());
    } else {
      log.warn("Publish of data source[{}] refused: {}", dataSource, result.failure());
    }
    return result;
  }

  private Result publishWithRetries(String dataSource, Set<DataSegment> toPublish, PartitionOffsets start,
      PartitionOffsets end) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try {
        return connector.inTransaction(c -> publishIn(c, dataSource, toPublish, start, end));
      } catch (DataSourceMetadataStore.ConcurrentUpdateException e) {
        if (attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        log.debug("Commit metadata of data source[{}] changed concurrently; retrying the publish", dataSource);
      }
    }
  }

  private Result publishIn(Connection c, String dataSource, Set<DataSegment> toPublish, PartitionOffsets start,
      PartitionOffsets end) throws SQLException {
    Optional<DataSourceMetadataStore.Committed> committed = dataSourceMetadata.read(c, dataSource);
    Map<KafkaPartition, Long> stored = committed.map(m -> m.offsets().getPartitionOffsetMap()).orElse(Map.of());
    if (committed.isPresent() && !committed.get().offsets().getStream().equals(start.getStream())) {
      return Result.failed("committed offsets are for topic[" + committed.get().offsets().getStream() + "]");
    }
    if (!matches(stored, start.getPartitionOffsetMap())) {
      if (matches(stored, end.getPartitionOffsetMap()) && allExist(c, toPublish)) {
        return Result.ok(); // a replica of this task group published the same segments
      }
      return Result.failed("Inconsistent metadata state: committed offsets " + stored + " do not match the task's"
          + " start offsets " + start.getPartitionOffsetMap());
    }
    for (DataSegment s : toPublish) {
      if (segments.exists(c, s.getIdentifier())) {
        return Result.failed("Segment[" + s.getId() + "] is already published");
      }
      segments.insertUsed(c, s);
    }
    Map<KafkaPartition, Long> next = new TreeMap<>(stored);
    next.putAll(end.getPartitionOffsetMap());
    dataSourceMetadata.write(c, dataSource, committed, new PartitionOffsets(end.getStream(), next));
    return Result.ok();
  }

  /** True if every partition of {@code offsets} that has a committed offset has exactly that one. */
  private static boolean matches(Map<KafkaPartition, Long> stored, Map<KafkaPartition, Long> offsets) {
    for (Map.Entry<KafkaPartition, Long> e : offsets.entrySet()) {
      Long s = stored.get(e.getKey());
      if (s != null && !s.equals(e.getValue())) {
        return false;
      }
    }
    return true;
  }

  private boolean allExist(Connection c, Set<DataSegment> toPublish) throws SQLException {
    for (DataSegment s : toPublish) {
      if (!segments.exists(c, s.getIdentifier())) {
        return false;
      }
    }
    return true;
  }
}
