package io.kafkaindexing.query.historical;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Injector;
import io.kafkaindexing.core.config.RuntimeProperties;
import io.kafkaindexing.core.guice.Initialization;
import io.kafkaindexing.core.guice.NodeRole;
import io.kafkaindexing.core.lifecycle.Lifecycle;
import io.kafkaindexing.core.metadata.MetadataStorageConnector;
import io.kafkaindexing.core.server.HttpServer;
import io.kafkaindexing.core.storage.DeepStorage;
import io.kafkaindexing.core.storage.PushedSegment;
import io.kafkaindexing.query.QueryModule;
import io.kafkaindexing.query.SegmentRegistry;
import io.kafkaindexing.query.metadata.SegmentsTable;
import io.kafkaindexing.segment.DataSegment;
import io.kafkaindexing.segment.SegmentId;
import io.kafkaindexing.segment.incremental.IncrementalIndex;
import io.kafkaindexing.segment.persisted.PersistedSegment;
import io.kafkaindexing.segment.persisted.SegmentWriter;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * A process with the Broker and Historical roles through the real injector (Derby, PostgreSQL or
 * MariaDB metadata store, local deep storage, Jetty), and what a test does to it as the Overlord
 * would: persist, push and publish segments, mark them unused.
 */
final class TestServer implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final Injector injector;
  private final Lifecycle lifecycle;
  private final String broker;

  private TestServer(Injector injector) throws Exception {
    this.injector = injector;
    this.lifecycle = injector.getInstance(Lifecycle.class);
    try {
      lifecycle.start();
    } catch (Exception e) {
      lifecycle.stop();
      throw e;
    }
    this.broker = "http://127.0.0.1:" + injector.getInstance(HttpServer.class).port(NodeRole.BROKER);
  }

  /** The runtime properties of a test process over {@code work} (deep storage, cache) and a metadata store. */
  static Map<String, String> properties(Path work, Map<String, String> metadataStore) {
    Map<String, String> props = new java.util.HashMap<>(metadataStore);
    props.putAll(Map.of(
        "druid.server.overlordPort", "0",
        "druid.server.brokerPort", "0",
        "druid.server.bindAddress", "127.0.0.1",
        "druid.extensions.directory", work.resolve("extensions").toString(),
        "druid.storage.storageDirectory", work.resolve("deep").toString(),
        "druid.segmentCache.locations", "[{\"path\":\"" + work.resolve("cache") + "\",\"maxSize\":\"1g\"}]",
        "druid.segmentCache.dropSegmentDelayMillis", "0",
        "druid.historical.pollPeriod", "PT0.05S"));
    return props;
  }

  static Map<String, String> derby() {
    return Map.of("druid.metadata.storage.connector.connectURI",
        "jdbc:derby:memory:historical-" + UUID.randomUUID() + ";create=true");
  }

  static TestServer start(Map<String, String> properties) throws Exception {
    return new TestServer(Initialization.makeInjector(new RuntimeProperties(properties),
        List.of(new QueryModule(), new HistoricalModule())));
  }

  Historical historical() {
    return injector.getInstance(Historical.class);
  }

  SegmentRegistry registry() {
    return injector.getInstance(SegmentRegistry.class);
  }

  DeepStorage deepStorage() {
    return injector.getInstance(DeepStorage.class);
  }

  ObjectMapper mapper() {
    return injector.getInstance(ObjectMapper.class);
  }

  MetadataStorageConnector connector() {
    return injector.getInstance(MetadataStorageConnector.class);
  }

  Injector injector() {
    return injector;
  }

  /** Persists {@code index}, pushes it to deep storage and publishes it (inserts it used) as {@code id}. */
  DataSegment publish(IncrementalIndex index, SegmentId id, Path work) throws Exception {
    DataSegment segment = push(index, id, work);
    publish(segment);
    return segment;
  }

  /** Persists and pushes {@code index} as {@code id}; returns its druid_segments record, unpublished. */
  DataSegment push(IncrementalIndex index, SegmentId id, Path work) throws Exception {
    File dir = work.resolve("persist-" + UUID.randomUUID()).toFile();
    SegmentWriter.persist(index, id.interval(), dir);
    PushedSegment pushed = deepStorage().push(dir, id.dataSource(), id.interval(), id.version(), id.partitionNum());
    try (PersistedSegment s = PersistedSegment.load(dir)) {
      return new DataSegment(id, pushed.loadSpec(), s.getDimensionNames(), s.getMetricNames(), pushed.sizeBytes());
    }
  }

  /** Inserts {@code segment} into druid_segments as used, in one transaction (as the Overlord publishes). */
  void publish(DataSegment segment) throws Exception {
    SegmentsTable table = injector.getInstance(SegmentsTable.class);
    connector().inTransaction(c -> {
      table.insertUsed(c, segment);
      return null;
    });
  }

  /** Marks a published segment unused, as Druid's markUnused API does. */
  void markUnused(SegmentId id) throws Exception {
    setUsed(id, false);
  }

  void setUsed(SegmentId id, boolean used) throws Exception {
    connector().inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE " + connector().table("segments") + " SET used = ? WHERE id = ?")) {
        ps.setBoolean(1, used);
        ps.setString(2, id.toString());
        return ps.executeUpdate();
      }
    });
  }

  void dropSegmentsTable() throws Exception {
    try (var c = connector().connect(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE " + connector().table("segments"));
    }
  }

  HttpResponse<String> post(String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(broker + path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(broker + path)).timeout(Duration.ofSeconds(30)).GET()
        .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Waits for {@code condition} up to {@code timeout}, failing with {@code what} when it never holds. */
  static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("Timed out after " + timeout + " waiting for: " + what);
      }
      Thread.sleep(20);
    }
  }

  @Override
  public void close() {
    lifecycle.stop();
  }
}
