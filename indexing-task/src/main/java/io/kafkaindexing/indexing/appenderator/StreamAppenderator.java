package io.kafkaindexing.indexing.appenderator;

import io.kafkaindexing.indexing.spec.DataSchema;
import io.kafkaindexing.indexing.task.SegmentAllocator;
import io.kafkaindexing.query.SegmentRegistry;
import io.kafkaindexing.segment.SegmentId;
import io.kafkaindexing.segment.incremental.IncrementalIndexAddResult;
import io.kafkaindexing.segment.incremental.IncrementalIndexSchema;
import io.kafkaindexing.segment.row.InputRow;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import io.kafkaindexing.indexing.task.HandoffWatcher;
import io.kafkaindexing.indexing.task.SegmentPusher;
import io.kafkaindexing.segment.DataSegment;
import io.kafkaindexing.segment.persisted.PersistedSegment;
import io.kafkaindexing.segment.persisted.SegmentMerger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.joda.time.Interval;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLogger;

/**
 * Routes a task's rows into one {@link Sink} per segment interval ({@code segmentGranularity}
 * bucket), creating the sink on the first row of an interval with an id from the
 * {@link SegmentAllocator} and announcing it so the rows are queryable as soon as they are added.
 *
 * <p>Persists triggered by {@code maxRowsInMemory}, {@code maxBytesInMemory} or the persist period
 * run in the background, as in Druid: the task thread freezes every sink's in-memory rows (they
 * stay queryable) and hands them to one persist thread, then keeps adding rows to fresh indexes.
 * At most one persist is in flight (Druid's default {@code maxPendingPersists} of 0): a task that
 * needs the next persist first waits for the previous one, so at most twice the in-memory limit
 * is held. A failed background persist is thrown on the task thread by the next
 * {@link #persistIfDue} (called between polls), the {@link #add} that starts the next persist,
 * {@link #persistAll} or {@link #mergeAndPush}, and the task fails; {@link #add} itself does not
 * look at the persist in flight (a check per row, whose first "done" made the JIT recompile the row
 * path).
 * {@link #persistAll} and {@link #mergeAndPush} wait for the persist in flight.
 * Not thread-safe: used by the task thread only (queries read the announced sinks, which are; the
 * persist thread only touches the sinks' frozen indexes).
 */
public final class StreamAppenderator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamAppenderator.class);

  private final DataSchema schema;
  private final String sequenceName;
  private final SegmentAllocator allocator;
  private final SegmentRegistry registry;
  private final PersistConfig persistConfig;
  /** Where segment events (announced, persisted, pushed, unannounced) are logged; a no-op one when quiet. */
  private final Logger log;
  private final Map<Long, Sink> sinks = new TreeMap<>();
  /** The sink the last row went to and its bucket start (rows mostly arrive bucket by bucket): no boxed lookup per row. */
  private Sink recentSink;
  private long recentBucketStart;
  private long lastPersistMillis = System.currentTimeMillis();
  /**
   * Rows and estimated bytes of the sinks' indexes taking rows: kept up to date by {@link #add}
   * (the only writer of those indexes) and zeroed when they are frozen or closed, so that the persist check
   * of every row does not visit every sink (it showed in the bench's task-thread profile).
   */
  private int rowsInMemory;
  private long bytesInMemory;
  /** The persist thread, started on the first background persist. */
  private ExecutorService persistThread;
  /** The background persist in flight or finished but not yet checked; null if none. */
  private Future<Void> pendingPersist;

  /** An appenderator that keeps every row in memory (no persisting). */
  public StreamAppenderator(DataSchema schema, String sequenceName, SegmentAllocator allocator,
      SegmentRegistry registry) {
    this(schema, sequenceName, allocator, registry, PersistConfig.inMemoryOnly());
  }

  public StreamAppenderator(DataSchema schema, String sequenceName, SegmentAllocator allocator,
      SegmentRegistry registry, PersistConfig persistConfig) {
    this(schema, sequenceName, allocator, registry, persistConfig, true);
  }

  /**
   * {@code logSegmentEvents} false: announcing, persisting, pushing and unannouncing log nothing
   * (warnings still do).
   */
  public StreamAppenderator(DataSchema schema, String sequenceName, SegmentAllocator allocator,
      SegmentRegistry registry, PersistConfig persistConfig, boolean logSegmentEvents) {
    this.log = logSegmentEvents ? LOG : NOPLogger.NOP_LOGGER;
    this.schema = schema;
    this.sequenceName = sequenceName;
    this.allocator = allocator;
    this.registry = registry;
    this.persistConfig = persistConfig;
  }

  /**
   * Adds a row to the sink of its interval. The result lists values that could not be stored (kept
   * as null), which makes the row "processed with error" in Druid's counters.
   */
  public IncrementalIndexAddResult add(InputRow row) {
    long bucketStart = schema.getGranularitySpec().getSegmentGranularity().bucketStart(row.getTimestampFromEpoch());
    Sink sink = recentBucketStart == bucketStart && recentSink != null ? recentSink : sinks.get(bucketStart);
    if (sink == null) {
      sink = newSink(schema.getGranularitySpec().getSegmentGranularity().bucket(row.getTimestampFromEpoch()));
      sinks.put(bucketStart, sink);
    }
    recentSink = sink;
    recentBucketStart = bucketStart;
    int sinkRows = sink.rowsInMemory();
    long sinkBytes = sink.bytesInMemory();
    IncrementalIndexAddResult result = sink.add(row);
    rowsInMemory += sink.rowsInMemory() - sinkRows;
    bytesInMemory += sink.bytesInMemory() - sinkBytes;
    if (persistConfig.persists() && (rowsInMemory >= persistConfig.maxRowsInMemory()
        || bytesInMemory >= persistConfig.maxBytesInMemory())) {
      persistInBackground();
    }
    return result;
  }

  /** Persists (in the background) if {@code intermediatePersistPeriod} passed since the last persist; called between polls. */
  public void persistIfDue() {
    if (pendingPersist != null && pendingPersist.isDone()) {
      awaitPersist();
    }
    if (persistConfig.persists()
        && System.currentTimeMillis() - lastPersistMillis >= persistConfig.persistPeriodMillis()) {
      persistInBackground();
    }
  }

  /**
   * Writes every sink's in-memory rows to disk as a queryable part, freeing the memory, and
   * returns when they are written (after the background persist in flight, if any).
   *
   * @throws UncheckedIOException if a persist fails (e.g. disk full); the task must then fail
   *     without publishing
   */
  public void persistAll() {
    awaitPersist();
    if (!persistConfig.persists()) {
      lastPersistMillis = System.currentTimeMillis();
      return;
    }
    List<Sink.Frozen> frozen = freezeAll();
    if (!frozen.isEmpty()) {
      persist(frozen);
    }
  }

  /**
   * Freezes every sink's in-memory rows and persists them on the persist thread; first waits for
   * the persist in flight, if any.
   */
  private void persistInBackground() {
    awaitPersist();
    List<Sink.Frozen> frozen = freezeAll();
    if (frozen.isEmpty()) {
      return;
    }
    if (persistThread == null) {
      String name = "appenderator-persist[" + sequenceName + "]";
      persistThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
      });
    }
    pendingPersist = persistThread.submit(() -> {
      persist(frozen);
      return null;
    });
  }

  private List<Sink.Frozen> freezeAll() {
    lastPersistMillis = System.currentTimeMillis();
    rowsInMemory = 0;
    bytesInMemory = 0;
    List<Sink.Frozen> frozen = new ArrayList<>();
    for (Sink sink : sinks.values()) {
      Sink.Frozen f = sink.freeze();
      if (f != null) {
        frozen.add(f);
      }
    }
    return frozen;
  }

  /** Writes frozen indexes, in order; runs on the persist thread or (from persistAll) the task thread. */
  private void persist(List<Sink.Frozen> frozen) {
    long start = System.nanoTime();
    long rows = 0;
    for (Sink.Frozen f : frozen) {
      rows += f.index().numRows();
      try {
        f.sink().persist(f);
      } catch (IOException e) {
        throw new UncheckedIOException("Persisting segment[" + f.sink().id() + "] failed: " + e.getMessage(), e);
      }
    }
    log.info("Persisted {} rows of {} segment(s) in {} ms", rows, frozen.size(), (System.nanoTime() - start) / 1_000_000);
  }

  /** Waits for the background persist in flight, if any, and throws its failure on the task thread. */
  private void awaitPersist() {
    Future<Void> pending = pendingPersist;
    if (pending == null) {
      return;
    }
    pendingPersist = null;
    try {
      pending.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pendingPersist = pending;
      throw new IllegalStateException("Interrupted while waiting for a persist", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new UncheckedIOException("Persisting failed: " + cause, new IOException(cause));
    }
  }

  private Sink newSink(Interval interval) {
    SegmentId id = allocator.allocate(schema.getDataSource(), interval, sequenceName);
    IncrementalIndexSchema indexSchema = new IncrementalIndexSchema(
        interval.getStartMillis(),
        schema.getTimestampSpec(),
        schema.getGranularitySpec().getQueryGranularity(),
        schema.getDimensionsSpec().withExtraExclusions(new ArrayList<>(schema.metricFields())),
        schema.getMetricsSpec(),
        schema.getGranularitySpec().isRollup());
    File dir = persistConfig.persists() ? new File(persistConfig.directory(), directoryName(id)) : null;
    Sink sink = new Sink(id, indexSchema, dir);
    registry.announce(id, sink);
    log.info("Announced real-time segment[{}]", id);
    return sink;
  }

  /**
   * Merges each sink's persisted parts into one segment in Druid's format under {@code mergeRoot}
   * and pushes it to deep storage; returns the segment records to publish. Call after
   * {@link #persistAll()}, with no rows in memory. Sinks without rows publish nothing.
   */
  public Set<DataSegment> mergeAndPush(SegmentPusher pusher, File mergeRoot) throws IOException {
    awaitPersist();
    if (rowsInMemory() > 0) {
      throw new IllegalStateException("Rows in memory must be persisted before merging");
    }
    Set<DataSegment> out = new LinkedHashSet<>();
    for (Sink sink : sinks.values()) {
      List<PersistedSegment> parts = sink.persistedParts();
      if (parts.isEmpty()) {
        continue;
      }
      File merged = SegmentMerger.merge(parts, sink.id().interval(), new File(mergeRoot, directoryName(sink.id())),
          null);
      List<String> dimensions;
      List<String> metrics;
      try (PersistedSegment segment = PersistedSegment.load(merged)) {
        dimensions = segment.getDimensionNames();
        metrics = segment.getMetricNames();
      }
      SegmentPusher.Pushed pushed = pusher.push(merged, sink.id());
      out.add(new DataSegment(sink.id(), pushed.loadSpec(), dimensions, metrics, pushed.size()));
      log.info("Pushed segment[{}] ({} bytes) to {}", sink.id(), pushed.size(), pushed.loadSpec());
    }
    return out;
  }

  /**
   * Waits until a Historical serves each of {@code published}, at most {@code timeoutMillis} each
   * (0: no limit); returns the ids that were not handed off in time.
   */
  public List<SegmentId> awaitHandoff(Set<DataSegment> published, HandoffWatcher watcher, long timeoutMillis)
      throws InterruptedException {
    List<SegmentId> late = new ArrayList<>();
    for (DataSegment segment : published) {
      if (!watcher.awaitHandoff(segment.getId(), timeoutMillis)) {
        late.add(segment.getId());
      }
    }
    return late;
  }

  /** A file-system-safe directory name for a segment's persisted parts. */
  private static String directoryName(SegmentId id) {
    return id.toString().replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /** Rows (after rollup) in the sinks' indexes taking rows; frozen ones not counted. */
  public int rowsInMemory() {
    return rowsInMemory;
  }

  /** The most rows (in memory and persisted, after rollup) any one segment of this task holds. */
  public long maxRowsInSegment() {
    long max = 0;
    for (Sink sink : sinks.values()) {
      max = Math.max(max, sink.numRows());
    }
    return max;
  }

  /** Rows (in memory and persisted, after rollup) across all segments of this task. */
  public long totalRows() {
    long total = 0;
    for (Sink sink : sinks.values()) {
      total += sink.numRows();
    }
    return total;
  }

  /** Estimated heap bytes of the sinks' indexes taking rows; frozen ones not counted. */
  public long bytesInMemory() {
    return bytesInMemory;
  }

  public List<SegmentId> segments() {
    List<SegmentId> ids = new ArrayList<>();
    sinks.values().forEach(s -> ids.add(s.id()));
    return ids;
  }

  /**
   * Waits for the background persist in flight (its failure is only logged here), stops the
   * persist thread and unannounces every sink: its rows stop being queryable from this task.
   */
  @Override
  public void close() {
    if (persistThread != null) {
      try {
        awaitPersist();
      } catch (RuntimeException e) {
        LOG.warn("A background persist failed before close: {}", e.getMessage());
      } finally {
        persistThread.shutdown();
      }
    }
    for (Sink sink : sinks.values()) {
      registry.unannounce(sink.id(), sink);
      sink.close();
      log.info("Unannounced real-time segment[{}]", sink.id());
    }
    sinks.clear();
    recentSink = null;
    rowsInMemory = 0;
    bytesInMemory = 0;
  }
}
