package io.kafkaindexing.query.historical;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import io.kafkaindexing.core.lifecycle.Managed;
import io.kafkaindexing.core.storage.DeepStorage;
import io.kafkaindexing.core.storage.DeepStorageConfig;
import io.kafkaindexing.query.SegmentRegistry;
import io.kafkaindexing.query.metadata.SegmentsTable;
import io.kafkaindexing.query.timeline.ServerType;
import io.kafkaindexing.segment.DataSegment;
import io.kafkaindexing.segment.SegmentId;
import io.kafkaindexing.segment.persisted.PersistedSegment;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Historical role: serves the published segments. Every {@code druid.historical.pollPeriod} it
 * reads the used segments from {@code druid_segments} and, on one background thread
 * ({@code historical-segment-loader}):
 * <ul>
 *   <li>loads each new one (newest interval first) from the {@link SegmentCache}, pulling it from
 *       deep storage when it is not cached or its cached copy is corrupt, memory-maps it and
 *       announces it in the {@link SegmentRegistry} as {@link ServerType#HISTORICAL} (queries then read
 *       it rather than a real-time task's copy of the same id) before it counts as loaded;</li>
 *   <li>unannounces each loaded segment that is no longer used, and closes and deletes it
 *       {@code druid.segmentCache.dropSegmentDelayMillis} later;</li>
 *   <li>logs a segment that fails to load with the reason and retries it later (backing off from the
 *       poll period up to a minute); a failure never stops the poller.</li>
 * </ul>
 * At start it creates {@code druid_segments} if missing, deletes cached segments that are no longer
 * used and, before returning, serves the used segments already in the cache (verified against their
 * checksums), so a restarted server answers from them at once.
 *
 * <p>Thread-safe: the loader thread alone changes what is loaded; {@link #isLoaded} and
 * {@link #awaitLoaded} may be called from any thread.
 */
@Singleton
public final class Historical implements Managed, SegmentHandoff {
  private static final Logger log = LoggerFactory.getLogger(Historical.class);
  private static final long MAX_RETRY_DELAY_MS = 60_000;
  private static final Comparator<DataSegment> NEWEST_FIRST =
      Comparator.comparingLong((DataSegment s) -> s.getInterval().getStartMillis()).reversed()
          .thenComparing(DataSegment::getId);

  /** A loaded segment that is unannounced and waits to be closed and deleted. */
  private record PendingDrop(PersistedSegment segment, long dueNanos) {}

  /** Why a segment failed to load, how often, and when to try again. */
  private record LoadFailure(int attempts, long retryAtNanos, String reason) {}

  private final HistoricalConfig config;
  private final SegmentCacheConfig cacheConfig;
  private final SegmentsTable segmentsTable;
  private final SegmentRegistry registry;
  private final DeepStorageConfig deepStorageConfig;
  private final SegmentCache cache;

  /** Announced segments. Changed only by the loader holding {@link #loadedLock}, which it notifies. */
  private final ConcurrentHashMap<SegmentId, PersistedSegment> loaded = new ConcurrentHashMap<>();
  private final Object loadedLock = new Object();
  /** Unannounced segments not yet closed; loader thread only (and stop, after the loader ended). */
  private final Map<SegmentId, PendingDrop> dropping = new ConcurrentHashMap<>();
  /** Segments that failed to load; changed by the loader thread only. */
  private final Map<SegmentId, LoadFailure> failures = new ConcurrentHashMap<>();
  /** Set by stop; the loader checks it between segments. */
  private volatile boolean stopping;
  /** Whether the cache has been swept of unused segments; loader thread only (start runs before it). */
  private boolean swept;
  /** Guarded by this. */
  private ScheduledExecutorService loader;

  @Inject
  public Historical(HistoricalConfig config, SegmentCacheConfig cacheConfig, SegmentsTable segmentsTable,
      SegmentRegistry registry, DeepStorage deepStorage, DeepStorageConfig deepStorageConfig) {
    this.config = config;
    this.cacheConfig = cacheConfig;
    io.kafkaindexing.segment.persisted.DecodedColumnCache.get().setCapacityBytes(cacheConfig.decodedColumnCacheBytes());
    this.segmentsTable = segmentsTable;
    this.registry = registry;
    this.deepStorageConfig = deepStorageConfig;
    this.cache = new SegmentCache(cacheConfig.location().toPath(), deepStorage);
  }

  @Override
  public Stage stage() {
    return Stage.NORMAL;
  }

  @Override
  public synchronized void start() throws SQLException {
    checkCacheIsNotDeepStorage();
    segmentsTable.createTable();
    stopping = false;
    poll(true);
    long periodMs = config.pollPeriod().toMillis();
    loader = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "historical-segment-loader");
      t.setDaemon(true);
      return t;
    });
    loader.scheduleWithFixedDelay(this::pollSafely, periodMs, periodMs, TimeUnit.MILLISECONDS);
    log.info("Historical started: segment cache[{}], polling used segments every {}", cache.location(),
        config.pollPeriod());
  }

  /** Unannounces and closes every segment; the cache is kept for the next start. */
  @Override
  public synchronized void stop() throws InterruptedException {
    stopping = true;
    if (loader != null) {
      loader.shutdownNow();
      if (!loader.awaitTermination(1, TimeUnit.MINUTES)) {
        log.warn("The segment loader did not stop within a minute; unannouncing its segments anyway");
      }
      loader = null;
    }
    for (Map.Entry<SegmentId, PersistedSegment> e : loaded.entrySet()) {
      registry.unannounce(e.getKey(), e.getValue());
      e.getValue().close();
    }
    synchronized (loadedLock) {
      loaded.clear();
    }
    finishDrops(Long.MAX_VALUE);
    failures.clear();
  }

  @Override
  public boolean isLoaded(SegmentId id) {
    return loaded.containsKey(id);
  }

  @Override
  public boolean awaitLoaded(SegmentId id, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (loadedLock) {
      while (!loaded.containsKey(id)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(loadedLock, left);
      }
      return true;
    }
  }

  /** The segments served now. */
  public Set<SegmentId> loadedSegments() {
    return Set.copyOf(loaded.keySet());
  }

  /** Why {@code id} last failed to load, if it is waiting for a retry. */
  public Optional<String> loadFailure(SegmentId id) {
    return Optional.ofNullable(failures.get(id)).map(LoadFailure::reason);
  }

  private void checkCacheIsNotDeepStorage() {
    Path cacheDir = cache.location();
    Path deep = deepStorageConfig.storageDirectory().toPath().toAbsolutePath().normalize();
    if (cacheDir.startsWith(deep) || deep.startsWith(cacheDir)) {
      throw new IllegalStateException("Property[druid.segmentCache.locations] directory[" + cacheDir + "] and"
          + " property[druid.storage.storageDirectory] directory[" + deep + "] must not contain each other: the"
          + " Historical deletes what it does not serve from its cache");
    }
  }

  private void pollSafely() {
    try {
      poll(false);
    } catch (RuntimeException e) {
      log.error("Loading segments failed; trying again in {}", config.pollPeriod(), e);
    } catch (Error e) {
      log.error("Loading segments failed; the segment loader stops", e);
      throw e;
    }
  }

  /** One pass: drop what is no longer used, load what is new ({@code cachedOnly}: only what is cached). */
  private void poll(boolean cachedOnly) {
    List<DataSegment> used;
    try {
      used = segmentsTable.usedSegments();
    } catch (SQLException e) {
      log.warn("Cannot read the used segments from the metadata store; trying again in {}: {}",
          config.pollPeriod(), e.getMessage());
      return;
    }
    Map<SegmentId, DataSegment> wanted = new HashMap<>();
    used.forEach(s -> wanted.put(s.getId(), s));
    if (!swept) {
      cache.deleteAllExcept(wanted.keySet());
      swept = true;
    }
    dropUnused(wanted.keySet());
    finishDrops(System.nanoTime());
    failures.keySet().retainAll(wanted.keySet());
    wanted.values().stream().filter(s -> !loaded.containsKey(s.getId())).sorted(NEWEST_FIRST)
        .takeWhile(s -> !stopping)
        .forEach(s -> load(s, cachedOnly));
  }

  private void load(DataSegment segment, boolean cachedOnly) {
    SegmentId id = segment.getId();
    PendingDrop pending = dropping.remove(id);
    if (pending != null) {
      log.info("Segment[{}] is used again: announced again", id);
      serve(id, pending.segment());
      return;
    }
    LoadFailure failure = failures.get(id);
    if (failure != null && System.nanoTime() - failure.retryAtNanos() < 0) {
      return;
    }
    try {
      PersistedSegment loadedSegment = cachedOnly ? cache.loadCached(id) : cache.load(segment);
      if (loadedSegment == null) {
        return;
      }
      if (stopping) {
        loadedSegment.close();
        return;
      }
      failures.remove(id);
      serve(id, loadedSegment);
    } catch (IOException | RuntimeException e) {
      if (!stopping) {
        recordFailure(id, failure, e);
      }
    }
  }

  /**
   * Announces first, then counts as loaded (and wakes the waiters): a task that sees it loaded may
   * leave at once. Everything else about the segment is settled before.
   */
  private void serve(SegmentId id, PersistedSegment segment) {
    registry.announce(id, segment, ServerType.HISTORICAL);
    synchronized (loadedLock) {
      loaded.put(id, segment);
      loadedLock.notifyAll();
    }
    log.info("Segment[{}] is served ({} rows)", id, segment.getNumRows());
  }

  private void recordFailure(SegmentId id, LoadFailure previous, Exception e) {
    int attempts = previous == null ? 1 : previous.attempts() + 1;
    long periodMs = config.pollPeriod().toMillis();
    long delayMs = Math.min(periodMs << Math.min(attempts - 1, 20), Math.max(MAX_RETRY_DELAY_MS, periodMs));
    String reason = SegmentCache.describe(e);
    failures.put(id, new LoadFailure(attempts, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMs), reason));
    if (attempts == 1) {
      log.warn("Segment[{}] failed to load; retrying in {} ms: {}", id, delayMs, reason, e);
    } else {
      log.warn("Segment[{}] failed to load (attempt {}); retrying in {} ms: {}", id, attempts, delayMs, reason);
    }
  }

  private void dropUnused(Set<SegmentId> wanted) {
    long due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(cacheConfig.dropSegmentDelayMillis());
    for (Map.Entry<SegmentId, PersistedSegment> e : loaded.entrySet()) {
      SegmentId id = e.getKey();
      if (wanted.contains(id)) {
        continue;
      }
      synchronized (loadedLock) {
        loaded.remove(id);
      }
      registry.unannounce(id, e.getValue());
      dropping.put(id, new PendingDrop(e.getValue(), due));
      log.info("Segment[{}] is no longer used: unannounced; its files are deleted in {} ms", id,
          cacheConfig.dropSegmentDelayMillis());
    }
  }

  /** Closes and deletes the pending drops due by {@code nowNanos}. */
  private void finishDrops(long nowNanos) {
    for (Map.Entry<SegmentId, PendingDrop> e : dropping.entrySet()) {
      if (nowNanos != Long.MAX_VALUE && nowNanos - e.getValue().dueNanos() < 0) {
        continue;
      }
      dropping.remove(e.getKey());
      e.getValue().segment().close();
      try {
        cache.delete(e.getKey());
        log.info("Segment[{}] dropped from the segment cache", e.getKey());
      } catch (IOException x) {
        log.warn("Cannot delete segment[{}] from the segment cache; it is deleted at the next start: {}", e.getKey(),
            SegmentCache.describe(x));
      }
    }
  }
}
