package io.kafkaindexing.supervisor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.metadata.MetadataStorageConnector;
import io.kafkaindexing.indexing.kafka.KafkaPartition;
import io.kafkaindexing.indexing.kafka.PartitionOffsets;
import io.kafkaindexing.query.metadata.SegmentsTable;
import io.kafkaindexing.segment.DataSegment;
import io.kafkaindexing.segment.SegmentId;
import io.kafkaindexing.supervisor.SupervisorTestSupport;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.joda.time.Interval;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Segment allocation ({@code druid_pendingSegments}) and the exactly-once publish (segments and
 * offsets in one transaction, compare-and-swap on the start offsets), on each metadata store.
 */
class SegmentPublisherIT {
  private static final ObjectMapper MAPPER = SupervisorTestSupport.mapper();
  private static final Interval HOUR = Interval.parse("2018-03-06T09:00:00.000Z/2018-03-06T10:00:00.000Z");

  static Stream<StoreDatabases.Db> databases() {
    return StoreDatabases.all();
  }

  /** The three tables on one database, dropped afterwards. */
  private record Stores(MetadataStorageConnector connector, SegmentsTable segments, PendingSegmentsTable pending,
      DataSourceMetadataStore offsets, SegmentPublisher publisher) {
  }

  private interface Body {
    void run(Stores stores) throws Exception;
  }

  private static void with(StoreDatabases.Db db, Body body) throws Exception {
    db.assumeReachable();
    MetadataStorageConnector connector = new MetadataStorageConnector(db.config());
    connector.start();
    SegmentsTable segments = new SegmentsTable(connector, MAPPER);
    DataSourceMetadataStore offsets = new DataSourceMetadataStore(connector, MAPPER);
    PendingSegmentsTable pending = new PendingSegmentsTable(connector, segments, MAPPER);
    try {
      segments.createTable();
      pending.createTable();
      offsets.createTable();
      body.run(new Stores(connector, segments, pending, offsets, new SegmentPublisher(connector, offsets, segments)));
    } finally {
      try (Connection c = connector.connect(); Statement s = c.createStatement()) {
        for (String t : List.of("segments", "pendingSegments", "dataSource")) {
          s.execute("DROP TABLE " + connector.table(t));
        }
      }
      connector.stop();
    }
  }

  private static DataSegment segment(SegmentId id) {
    return new DataSegment(id, Map.of("type", "local", "path", "/deep/" + id + "/index.zip"), List.of("url", "user"),
        List.of("views", "latencyMs"), 1971);
  }

  private static PartitionOffsets offsets(long p0) {
    return PartitionOffsets.of("metrics", Map.of(0, p0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void replicasShareIdsAndNewSequencesGetTheNextPartition(StoreDatabases.Db db) throws Exception {
    with(db, s -> {
      SegmentId a = s.pending().allocate("ds", HOUR, "seq_a");
      assertEquals(a, s.pending().allocate("ds", HOUR, "seq_a"), "same sequence, same id (replicas)");
      assertEquals(0, a.partitionNum());
      SegmentId b = s.pending().allocate("ds", HOUR, "seq_b");
      assertEquals(a.version(), b.version(), "one version per interval");
      assertEquals(1, b.partitionNum());
      SegmentId other = s.pending().allocate("other", HOUR, "seq_a");
      assertEquals(0, other.partitionNum(), "partitions count per data source");
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void concurrentAllocationsGetDistinctIds(StoreDatabases.Db db) throws Exception {
    with(db, s -> {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<SegmentId>> futures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          String sequence = "seq_" + i;
          futures.add(pool.submit(() -> s.pending().allocate("ds", HOUR, sequence)));
        }
        Set<Integer> partitions = new HashSet<>();
        Set<String> versions = new HashSet<>();
        for (Future<SegmentId> f : futures) {
          SegmentId id = f.get();
          partitions.add(id.partitionNum());
          versions.add(id.version());
        }
        assertEquals(Set.of(0, 1, 2, 3, 4, 5, 6, 7), partitions);
        assertEquals(1, versions.size());
      } finally {
        pool.shutdownNow();
      }
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void publishWritesSegmentsAndOffsetsTogetherOrNothing(StoreDatabases.Db db) throws Exception {
    with(db, s -> {
      SegmentId first = s.pending().allocate("ds", HOUR, "seq_1");
      SegmentPublisher.Result ok = s.publisher().publish("ds", Set.of(segment(first)), offsets(0), offsets(3));
      assertTrue(ok.success(), ok.failure());
      assertEquals(List.of(segment(first)), s.segments().usedSegments());
      assertEquals(KafkaPartition.keyed(Map.of(0, 3L)), s.offsets().get("ds").orElseThrow().getPartitionOffsetMap());

      // A task that started from offset 0 again (stale): refused, nothing written.
      SegmentId stale = s.pending().allocate("ds", HOUR, "seq_stale");
      SegmentPublisher.Result refused = s.publisher().publish("ds", Set.of(segment(stale)), offsets(0), offsets(5));
      assertFalse(refused.success());
      assertTrue(refused.failure().contains("Inconsistent metadata state"), refused.failure());
      assertEquals(1, s.segments().usedSegments().size());
      assertEquals(KafkaPartition.keyed(Map.of(0, 3L)), s.offsets().get("ds").orElseThrow().getPartitionOffsetMap());

      // The replica of the first task publishes the same segments and offsets: success, no duplicate.
      SegmentPublisher.Result replica = s.publisher().publish("ds", Set.of(segment(first)), offsets(0), offsets(3));
      assertTrue(replica.success(), replica.failure());
      assertEquals(1, s.segments().usedSegments().size());

      // The next task continues from the committed offsets; a new allocation keeps the version.
      SegmentId next = s.pending().allocate("ds", HOUR, "seq_2");
      assertEquals(first.version(), next.version());
      assertNotEquals(first.partitionNum(), next.partitionNum());
      assertTrue(s.publisher().publish("ds", Set.of(segment(next)), offsets(3), offsets(9)).success());
      assertEquals(2, s.segments().usedSegments().size());
      assertEquals(KafkaPartition.keyed(Map.of(0, 9L)), s.offsets().get("ds").orElseThrow().getPartitionOffsetMap());
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void partitionsWithoutCommittedOffsetsAreAddedAndOthersKept(StoreDatabases.Db db) throws Exception {
    with(db, s -> {
      s.offsets().commitMissing("ds", "metrics", KafkaPartition.keyed(Map.of(0, 10L, 1, 20L)));
      PartitionOffsets start = PartitionOffsets.of("metrics", Map.of(1, 20L, 2, 0L));
      PartitionOffsets end = PartitionOffsets.of("metrics", Map.of(1, 25L, 2, 4L));
      SegmentId id = s.pending().allocate("ds", HOUR, "seq");
      assertTrue(s.publisher().publish("ds", Set.of(segment(id)), start, end).success());
      assertEquals(KafkaPartition.keyed(Map.of(0, 10L, 1, 25L, 2, 4L)),
          s.offsets().get("ds").orElseThrow().getPartitionOffsetMap());
      assertFalse(s.publisher().publish("ds", Set.of(), PartitionOffsets.of("other", Map.of(0, 10L)),
          PartitionOffsets.of("other", Map.of(0, 11L))).success(), "another topic is refused");
    });
  }
}
