package io.kafkaindexing.query.historical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.core.storage.SegmentFiles;
import io.kafkaindexing.core.storage.SegmentPaths;
import io.kafkaindexing.query.QueryTestMapper;
import io.kafkaindexing.query.SeedData;
import io.kafkaindexing.segment.DataSegment;
import io.kafkaindexing.segment.SegmentId;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.incremental.IncrementalIndex;
import io.kafkaindexing.segment.persisted.PersistedSegment;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Historical through the real injector, metadata store, deep storage and Broker HTTP API: a
 * segment published in {@code druid_segments} is loaded and answers every seed query as Druid 33
 * answered it after handoff; marked unused it is dropped; a restart serves the cache; a corrupt cache
 * file or a missing deep-storage file does not stop it; at handoff every row is read exactly once.
 */
class HistoricalIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  /** Every seed query; their fixtures are Druid 33's answers for the handed-off segment. */
  private static final List<String> SEED_QUERIES = List.of("search", "timeseries-all", "timeseries-hour", "topn",
      "groupby", "scan", "timeboundary", "datasourcemetadata", "segmentmetadata", "segmentmetadata-all");

  @TempDir
  Path work;

  /** Metadata stores: embedded Derby always; PostgreSQL and MariaDB when they run on this machine. */
  static Stream<String> metadataStores() {
    return Stream.of("derby", "postgresql", "mariadb");
  }

  private static Map<String, String> metadataStore(String name) {
    String base = "hist" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    return switch (name) {
      case "derby" -> TestServer.derby();
      case "postgresql" -> {
        assumeReachable(5432, name);
        yield Map.of("druid.metadata.storage.type", "postgresql",
            "druid.metadata.storage.connector.connectURI", "jdbc:postgresql://127.0.0.1:5432/test",
            "druid.metadata.storage.connector.user", "postgres", "druid.metadata.storage.tables.base", base);
      }
      case "mariadb" -> {
        assumeReachable(3306, name);
        yield Map.of("druid.metadata.storage.type", "mysql",
            "druid.metadata.storage.connector.connectURI", "jdbc:mysql://127.0.0.1:3306/test",
            "druid.metadata.storage.connector.user", "root", "druid.metadata.storage.connector.password", "",
            "druid.metadata.storage.tables.base", base);
      }
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static void assumeReachable(int port, String name) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
    } catch (IOException e) {
      Assumptions.abort(name + " is not running on 127.0.0.1:" + port);
    }
  }

  /** The seed's rows (hour 09 of 2018-03-06) as the real-time index a task would hold. */
  private static IncrementalIndex seedIndex() {
    Map<Long, IncrementalIndex> indexes = SeedData.indexBySegment(
        SeedData.inputRows(SeedData.events(QueryTestMapper.create())), Granularities.HOUR,
        SeedData::seedSchema);
    assertEquals(1, indexes.size());
    return indexes.values().iterator().next();
  }

  private static SegmentId seedId(String version) {
    return new SegmentId(SeedData.DATA_SOURCE, Granularities.HOUR.bucket(seedIndex().getDataInterval().getStartMillis()),
        version, 0);
  }

  private static void assertSeedQueriesGiveDruidsAnswers(TestServer server) throws Exception {
    for (String name : SEED_QUERIES) {
      HttpResponse<String> response = server.post("/druid/v2", SeedData.read("seed/" + name + "-query.json"));
      assertEquals(200, response.statusCode(), name + ": " + response.body());
      assertEquals(SeedData.read("seed/" + name + "-result.json").trim(), response.body(), name);
    }
  }

  private Path cacheDir(SegmentId id) {
    return work.resolve("cache")
        .resolve(SegmentPaths.storageDir(id.dataSource(), id.interval(), id.version(), id.partitionNum()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("metadataStores")
  void publishedSegmentIsServedAsDruidServesItThenDroppedWhenUnused(String store) throws Exception {
    TestServer server = TestServer.start(TestServer.properties(work, metadataStore(store)));
    try {
      SegmentId id = seedId(SeedData.SEED_VERSION);
      assertEquals("[]", server.get("/druid/v2/datasources").body());
      server.publish(seedIndex(), id, work);

      assertTrue(server.historical().awaitLoaded(id, WAIT), "the Historical loads the published segment");
      assertInstanceOf(PersistedSegment.class, server.registry().getSegments(SeedData.DATA_SOURCE).get(id));
      assertSeedQueriesGiveDruidsAnswers(server);
      assertEquals("[\"metrics-kafka\"]", server.get("/druid/v2/datasources").body());
      assertEquals("{\"dimensions\":[\"url\",\"user\"],\"metrics\":[\"latencyMs\",\"views\"]}",
          server.get("/druid/v2/datasources/metrics-kafka").body());
      assertTrue(Files.isRegularFile(cacheDir(id).resolve("00000.smoosh")), "cached in Druid's layout");

      server.markUnused(id);
      TestServer.await("segment dropped", WAIT, () -> !server.historical().isLoaded(id)
          && !Files.exists(cacheDir(id)));
      assertEquals("[]", server.get("/druid/v2/datasources").body());
      assertEquals(Set.of(), server.historical().loadedSegments());
      assertFalse(Files.exists(work.resolve("cache").resolve(SeedData.DATA_SOURCE)), "empty parents are removed");
    } finally {
      server.close();
      if (!store.equals("derby")) {
        server.dropSegmentsTable(); // after the Historical stopped polling it
      }
    }
  }

  /** Within dropSegmentDelayMillis an unused segment is unannounced but kept; used again, it is served again. */
  @Test
  void aDroppedSegmentStaysMappedForTheDelayAndComesBackWhenUsedAgain() throws Exception {
    Map<String, String> props = new HashMap<>(TestServer.properties(work, TestServer.derby()));
    props.put("druid.segmentCache.dropSegmentDelayMillis", "600000");
    try (LogCapture logs = LogCapture.of(Historical.class); TestServer server = TestServer.start(props)) {
      SegmentId id = seedId(SeedData.SEED_VERSION);
      server.publish(seedIndex(), id, work);
      assertTrue(server.historical().awaitLoaded(id, WAIT));
      PersistedSegment served = (PersistedSegment) server.registry().getSegments(SeedData.DATA_SOURCE).get(id);

      server.markUnused(id);
      TestServer.await("segment unannounced", WAIT, () -> !server.historical().isLoaded(id));
      assertEquals("[]", server.get("/druid/v2/datasources").body());
      assertTrue(Files.isRegularFile(cacheDir(id).resolve("00000.smoosh")), "kept for the delay");
      served.open().close(); // still usable by a query that picked it before the drop

      server.setUsed(id, true);
      assertTrue(server.historical().awaitLoaded(id, WAIT));
      assertTrue(logs.messages().contains("Segment[" + id + "] is used again: announced again"), logs.messages()
          .toString());
      assertEquals(served, server.registry().getSegments(SeedData.DATA_SOURCE).get(id));
      assertSeedQueriesGiveDruidsAnswers(server);
    }
  }

  @Test
  void restartServesTheCachedCopyAtOnceWithoutDeepStorage() throws Exception {
    Map<String, String> props = TestServer.properties(work, TestServer.derby());
    SegmentId id = seedId(SeedData.SEED_VERSION);
    DataSegment published;
    try (TestServer server = TestServer.start(props)) {
      published = server.publish(seedIndex(), id, work);
      assertTrue(server.historical().awaitLoaded(id, WAIT));
    }
    SegmentFiles.deleteRecursively(Path.of((String) published.getLoadSpec().get("path")));
    try (TestServer server = TestServer.start(props)) {
      assertTrue(server.historical().isLoaded(id), "served from the cache before start returns");
      assertSeedQueriesGiveDruidsAnswers(server);
    }
  }

  @Test
  void aCorruptCachedFileIsPulledAgainAtRestart() throws Exception {
    Map<String, String> props = TestServer.properties(work, TestServer.derby());
    SegmentId id = seedId(SeedData.SEED_VERSION);
    try (TestServer server = TestServer.start(props)) {
      server.publish(seedIndex(), id, work);
      assertTrue(server.historical().awaitLoaded(id, WAIT));
    }
    Path smoosh = cacheDir(id).resolve("00000.smoosh");
    byte[] original = Files.readAllBytes(smoosh);
    byte[] corrupt = original.clone();
    corrupt[original.length / 2] ^= 0x10;
    Files.write(smoosh, corrupt);

    try (LogCapture logs = LogCapture.of(SegmentCache.class); TestServer server = TestServer.start(props)) {
      assertTrue(server.historical().awaitLoaded(id, WAIT));
      assertArrayEquals(original, Files.readAllBytes(smoosh), "the cache holds deep storage's bytes again");
      assertSeedQueriesGiveDruidsAnswers(server);
      assertTrue(logs.messages().stream().anyMatch(m -> m.contains("is unusable") && m.contains(smoosh.toString())),
          "the corrupt file is logged by name: " + logs.messages());
    }
  }

  @Test
  void aMissingDeepStorageFileIsLoggedAndRetriedWhileOtherSegmentsLoad() throws Exception {
    try (LogCapture logs = LogCapture.of(Historical.class);
         TestServer server = TestServer.start(TestServer.properties(work, TestServer.derby()))) {
      SegmentId broken = seedId("v1");
      DataSegment brokenSegment = server.push(seedIndex(), broken, work);
      Path index = Path.of((String) brokenSegment.getLoadSpec().get("path"));
      Path aside = work.resolve("aside");
      Files.move(index, aside);
      server.publish(brokenSegment);
      SegmentId fine = seedId("v2");
      server.publish(seedIndex(), fine, work);

      assertTrue(server.historical().awaitLoaded(fine, WAIT), "a failing segment does not stop the others");
      TestServer.await("the failure is retried", WAIT, () -> logs.messages().stream().filter(
          m -> m.startsWith("Segment[" + broken + "] failed to load")).count() >= 2);
      String reason = server.historical().loadFailure(broken).orElseThrow();
      assertTrue(reason.contains(index.toString()), reason);
      assertTrue(logs.messages().stream().anyMatch(m -> m.contains(index.toString())),
          "the log names the missing path: " + logs.messages());
      assertFalse(server.historical().isLoaded(broken));

      Files.move(aside, index);
      assertTrue(server.historical().awaitLoaded(broken, WAIT), "loaded once the file is back");
      assertTrue(server.historical().loadFailure(broken).isEmpty());
    }
  }

  /**
   * Handoff as a task does it: its in-memory copy is announced; the segment is published; once the
   * Historical serves it the task unannounces its copy. Queries running all along read every row
   * exactly once: each answer is Druid's answer for the three seed rows, never doubled or empty.
   */
  @Test
  void handoffServesEveryRowExactlyOnce() throws Exception {
    try (TestServer server = TestServer.start(TestServer.properties(work, TestServer.derby()))) {
      SegmentId id = seedId(SeedData.SEED_VERSION);
      IncrementalIndex realtime = seedIndex();
      server.registry().announce(id, realtime);
      String query = SeedData.read("seed/timeseries-all-query.json");
      String expected = SeedData.read("seed/timeseries-all-result.json").trim();
      assertEquals(expected, server.post("/druid/v2", query).body());

      AtomicReference<String> wrong = new AtomicReference<>();
      AtomicInteger answers = new AtomicInteger();
      Thread queries = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted() && wrong.get() == null) {
          try {
            HttpResponse<String> r = server.post("/druid/v2", query);
            if (r.statusCode() != 200 || !r.body().equals(expected)) {
              wrong.set(r.statusCode() + " " + r.body());
            }
            answers.incrementAndGet();
          } catch (InterruptedException e) {
            return;
          } catch (Exception e) {
            wrong.set(e.toString());
          }
        }
      }, "handoff-queries");
      queries.start();
      try {
        TestServer.await("queries before handoff", WAIT, () -> answers.get() >= 5);
        server.publish(realtime, id, work);
        assertTrue(server.historical().awaitLoaded(id, WAIT));
        assertInstanceOf(PersistedSegment.class, server.registry().getSegments(SeedData.DATA_SOURCE).get(id),
            "queries read the Historical's copy while both are announced");
        int during = answers.get();
        TestServer.await("queries while both copies are announced", WAIT, () -> answers.get() >= during + 5);
        assertTrue(server.registry().unannounce(id, realtime), "the task leaves");
        int after = answers.get();
        TestServer.await("queries after handoff", WAIT, () -> answers.get() >= after + 5);
      } finally {
        queries.interrupt();
        queries.join(WAIT.toMillis());
      }
      assertNull(wrong.get(), "every answer is Druid's answer for the seed rows");
      assertEquals(1, server.registry().lookup(SeedData.DATA_SOURCE, List.of(id.interval())).size());
      assertSeedQueriesGiveDruidsAnswers(server);
    }
  }

  @Test
  void aCacheInsideDeepStorageIsRefusedAtStart() {
    Map<String, String> props = new HashMap<>(TestServer.properties(work, TestServer.derby()));
    props.put("druid.segmentCache.locations", work.resolve("deep").resolve("cache").toString());
    Exception e = assertThrows(IllegalStateException.class,
        () -> TestServer.start(props));
    assertTrue(e.getMessage().contains("druid.storage.storageDirectory"), e.getMessage());
  }
}
