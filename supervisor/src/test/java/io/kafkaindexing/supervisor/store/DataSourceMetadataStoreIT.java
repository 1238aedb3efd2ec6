package io.kafkaindexing.supervisor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.metadata.MetadataStorageConnector;
import io.kafkaindexing.indexing.kafka.KafkaPartition;
import io.kafkaindexing.indexing.kafka.PartitionOffsets;
import io.kafkaindexing.supervisor.SupervisorTestSupport;
import io.kafkaindexing.supervisor.kafka.StartingOffsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Committed offsets in {@code <base>_dataSource}, on each metadata store. */
class DataSourceMetadataStoreIT {
  private static final ObjectMapper MAPPER = SupervisorTestSupport.mapper();

  static Stream<StoreDatabases.Db> databases() {
    return StoreDatabases.all();
  }

  private interface Body {
    void run(MetadataStorageConnector connector, DataSourceMetadataStore store) throws Exception;
  }

  private static void withStore(StoreDatabases.Db db, Body body) throws Exception {
    db.assumeReachable();
    MetadataStorageConnector connector = new MetadataStorageConnector(db.config());
    connector.start();
    DataSourceMetadataStore store = new DataSourceMetadataStore(connector, MAPPER);
    try {
      store.createTable();
      store.createTable();
      body.run(connector, store);
    } finally {
      try (Connection c = connector.connect(); Statement s = c.createStatement()) {
        s.execute("DROP TABLE " + connector.table("dataSource"));
      }
      connector.stop();
    }
  }

  private static Map<KafkaPartition, Long> offsets(long... partitionThenOffset) {
    Map<KafkaPartition, Long> m = new TreeMap<>();
    for (int i = 0; i < partitionThenOffset.length; i += 2) {
      m.put(KafkaPartition.of((int) partitionThenOffset[i]), partitionThenOffset[i + 1]);
    }
    return m;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void firstCommitWinsPerPartition(StoreDatabases.Db db) throws Exception {
    withStore(db, (connector, store) -> {
      assertEquals(Optional.empty(), store.get("metrics-kafka"));
      assertEquals(offsets(0, 10, 1, 20), store.commitMissing("metrics-kafka", "metrics", offsets(0, 10, 1, 20)));
      assertEquals(Optional.of(new PartitionOffsets("metrics", offsets(0, 10, 1, 20))), store.get("metrics-kafka"));

      // Partition 0 keeps its committed offset; partition 2 is new.
      assertEquals(offsets(0, 10, 2, 5), store.commitMissing("metrics-kafka", "metrics", offsets(0, 99, 2, 5)));
      assertEquals(Optional.of(new PartitionOffsets("metrics", offsets(0, 10, 1, 20, 2, 5))),
          store.get("metrics-kafka"));
      assertEquals(offsets(1, 20), store.commitMissing("metrics-kafka", "metrics", offsets(1, 0)),
          "nothing new: nothing written, the committed offset returned");
      assertEquals(Optional.empty(), store.get("other"));
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void payloadIsDruidsCommitMetadata(StoreDatabases.Db db) throws Exception {
    withStore(db, (connector, store) -> {
      store.commitMissing("metrics-kafka", "metrics", offsets(1, 7, 0, 3));
      try (Connection c = connector.connect(); PreparedStatement ps = c.prepareStatement(
          "SELECT commit_metadata_payload, commit_metadata_sha1, created_date FROM " + connector.table("dataSource")
              + " WHERE dataSource = ?")) {
        ps.setString(1, "metrics-kafka");
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next());
          byte[] payload = rs.getBytes(1);
          assertEquals("{\"type\":\"kafka\",\"partitions\":{\"type\":\"end\",\"stream\":\"metrics\","
              + "\"partitionOffsetMap\":{\"0\":3,\"1\":7}}}", new String(payload, java.nio.charset.StandardCharsets.UTF_8));
          assertEquals(HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(payload)),
              rs.getString(2));
          assertTrue(rs.getString(3).endsWith("Z"), rs.getString(3));
        }
      }
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void anotherTopicIsRefusedAndChangesNothing(StoreDatabases.Db db) throws Exception {
    withStore(db, (connector, store) -> {
      store.commitMissing("metrics-kafka", "metrics", offsets(0, 1));
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> store.commitMissing("metrics-kafka", "other-topic", offsets(0, 5, 1, 5)));
      assertEquals("Data source[metrics-kafka] has offsets committed for topic[metrics], not for topic[other-topic];"
          + " reset the supervisor to read another topic", e.getMessage());
      assertEquals(Optional.of(new PartitionOffsets("metrics", offsets(0, 1))), store.get("metrics-kafka"));

      StartingOffsets starting = new StartingOffsets(store);
      assertEquals(Optional.of(1L), starting.get("metrics-kafka", "metrics", KafkaPartition.of(0)));
      assertEquals(Optional.empty(), starting.get("metrics-kafka", "metrics", KafkaPartition.of(1)));
      assertEquals(Optional.empty(), starting.get("metrics-kafka", "other-topic", KafkaPartition.of(0)), "offsets of another topic");
      assertEquals(offsets(0, 1, 1, 8), starting.commitIfAbsent("metrics-kafka", "metrics", offsets(0, 9, 1, 8)));
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void concurrentCommitsLoseNoPartition(StoreDatabases.Db db) throws Exception {
    withStore(db, (connector, store) -> {
      int partitions = 8;
      ExecutorService pool = Executors.newFixedThreadPool(partitions);
      try {
        List<Future<Integer>> results = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
          int partition = p;
          Callable<Integer> commit = () -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            int attempts = 0;
            while (true) {
              attempts++;
              try {
                store.commitMissing("raced", "metrics", Map.of(KafkaPartition.of(partition), 100L + partition));
                return attempts;
              } catch (SQLException e) {
                // Lost the compare-and-swap (or the first insert) to another writer: read again and retry.
                if (System.nanoTime() > deadline) {
                  throw e;
                }
              }
            }
          };
          results.add(pool.submit(commit));
        }
        for (Future<Integer> f : results) {
          f.get(90, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      Map<Integer, Long> expected = new TreeMap<>();
      for (int p = 0; p < partitions; p++) {
        expected.put(p, 100L + p);
      }
      assertEquals(Optional.of(PartitionOffsets.of("metrics", expected)), store.get("raced"),
          "every writer's partition is committed: no update was lost");
    });
  }
}
