package io.kafkaindexing.query;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.groupby.GroupByToolkit;
import io.kafkaindexing.query.metadata.DataSourceMetadataToolkit;
import io.kafkaindexing.query.metadata.SegmentMetadataToolkit;
import io.kafkaindexing.query.scan.ScanToolkit;
import io.kafkaindexing.query.search.SearchToolkit;
import io.kafkaindexing.query.timeboundary.TimeBoundaryToolkit;
import io.kafkaindexing.query.timeseries.TimeseriesToolkit;
import io.kafkaindexing.query.topn.TopNToolkit;
import io.kafkaindexing.query.timeline.TimelineEntry;
import io.kafkaindexing.segment.SegmentId;
import io.kafkaindexing.segment.incremental.IncrementalIndex;
import io.kafkaindexing.segment.read.Segment;
import io.kafkaindexing.segment.read.SegmentClosedException;
import io.kafkaindexing.segment.read.SegmentParts;
import io.kafkaindexing.segment.read.SegmentView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import org.joda.time.Interval;

/**
 * Runs native queries over the segments of the {@link SegmentRegistry}: finds the segments the
 * query's intervals cover in its table (in each table of a union), runs the query type's engine on
 * each (skipping empty in-memory indexes) and merges the partial results (topN folds each partial
 * in segment order as soon as the segments before it are folded, while later segments are still
 * read: {@link OrderedFold}). Segments are read through views opened and closed on one thread;
 * timeseries, topN, groupBy and search read several segments at once (the calling thread and a
 * small shared pool, see {@link #SEGMENT_THREADS}) unless the work is too small to share, the
 * others one after the other. Tracks running queries by id so that they can be cancelled.
 * Thread-safe.
 */
@Singleton
public final class QueryExecutor {
  /** Context key: the most rows a subquery may give (Druid's {@code druid.server.http.maxSubqueryRows}). */
  public static final String MAX_SUBQUERY_ROWS = "maxSubqueryRows";
  public static final int DEFAULT_MAX_SUBQUERY_ROWS = 100_000;

  /**
   * Threads besides the caller's that read the segments of one query at once (query types whose
   * toolkit allows it): one less than the processors, at most 3. Shared by all queries; daemon threads.
   */
  /** How often a query looks its segments up when one was closed under it (see {@link #run}). */
  static final int LOOKUP_ATTEMPTS = 5;

  static final int SEGMENT_THREADS = Math.min(3, Runtime.getRuntime().availableProcessors() - 1);
  private static final ExecutorService SEGMENT_POOL = SEGMENT_THREADS < 1 ? null
      : Executors.newFixedThreadPool(SEGMENT_THREADS, r -> {
        Thread t = new Thread(r, "query-segments");
        t.setDaemon(true);
        return t;
      });

  /**
   * Work left after a query's first segment (estimated from that segment's time) under which the
   * calling thread reads the other segments alone: 1 ms.
   */
  static final long SOLO_NANOS = 1_000_000L;

  private final SegmentRegistry registry;
  private final Map<Class<?>, QueryToolkit<?, ?>> toolkits = new HashMap<>();
  /** Deadlines of running queries by queryId. */
  private final ConcurrentHashMap<String, QueryDeadline> running = new ConcurrentHashMap<>();
  /** Data sources of running queries by queryId (cancelling needs WRITE on them). */
  private final ConcurrentHashMap<String, String> runningDataSources = new ConcurrentHashMap<>();

  @Inject
  public QueryExecutor(SegmentRegistry registry) {
    this.registry = registry;
    register(new SearchToolkit());
    register(new TimeseriesToolkit());
    register(new TopNToolkit());
    register(new GroupByToolkit());
    register(new ScanToolkit());
    register(new TimeBoundaryToolkit());
    register(new SegmentMetadataToolkit());
    register(new DataSourceMetadataToolkit());
  }

  private void register(QueryToolkit<?, ?> toolkit) {
    toolkits.put(toolkit.queryClass(), toolkit);
  }

  /**
   * The results of {@code query}, whose context must hold its {@code queryId}.
   *
   * @throws DruidException on timeout, cancellation or an unsupported type
   */
  public List<?> run(Query query) {
    String id = query.getId();
    QueryContexts.validate(query.getContext());
    QueryDeadline deadline = QueryDeadline.start(id, QueryContexts.timeoutMs(query.getContext()));
    if (id != null) {
      running.put(id, deadline);
      runningDataSources.put(id, query.getDataSource().getName());
    }
    try {
      return run(toolkitFor(query), query, deadline);
    } finally {
      if (id != null) {
        if (running.remove(id, deadline)) {
          runningDataSources.remove(id);
        }
      }
    }
  }

  /** The data source of the running query {@code queryId}, if it runs. */
  public java.util.Optional<String> runningDataSource(String queryId) {
    return java.util.Optional.ofNullable(runningDataSources.get(queryId));
  }

  /** Cancels the running query {@code queryId}; false when no such query runs. */
  public boolean cancel(String queryId) {
    QueryDeadline deadline = running.get(queryId);
    if (deadline == null) {
      return false;
    }
    deadline.cancel();
    return true;
  }

  private QueryToolkit<?, ?> toolkitFor(Query query) {
    QueryToolkit<?, ?> toolkit = toolkits.get(query.getClass());
    if (toolkit == null) {
      throw DruidException.invalidInput("queryType[%s] is not supported yet",
          query.getType());
    }
    return toolkit;
  }

  /**
   * An inline data source's rows, or a query data source's results (its subquery run first, under
   * the same deadline), as one in-memory segment read over each query interval.
   */
  private List<TimelineEntry> inlineEntries(Query query, QueryDeadline deadline) {
    List<TimelineEntry> entries = new ArrayList<>();
    InlineData inline = query.getDataSource().getInline();
    Query subquery = query.getDataSource().getSubquery();
    if (subquery != null) {
      inline = InlineData.fromResults(subquery, run(toolkitFor(subquery), subquery, deadline));
      int maxRows = QueryContexts.getInt(query.getContext(), MAX_SUBQUERY_ROWS, DEFAULT_MAX_SUBQUERY_ROWS);
      if (inline.numRows() > maxRows) {
        throw DruidException.legacyQuery(QueryErrors.RESOURCE_LIMIT_EXCEEDED, DruidException.Category.INVALID_INPUT,
            QueryErrors.RESOURCE_LIMIT_CLASS, null, String.format(Locale.ROOT, "Subquery generated "
                + "results beyond maximum[%d] rows: raise context key[%s]", maxRows, MAX_SUBQUERY_ROWS), null);
      }
    }
    if (inline == null) {
      return entries;
    }
    IncrementalIndex index = inline.toSegment();
    Interval all = QuerySegmentSpec.ETERNITY.getIntervals().get(0);
    SegmentId id = new SegmentId("inline", all, "0", 0);
    for (Interval interval : query.getIntervals()) {
      entries.add(new TimelineEntry(id, index, interval));
    }
    return entries;
  }

  /**
   * Runs {@code task} for {@code 0..n-1}. The calling thread runs index 0 first; if the rest, at that
   * pace, would take less than {@code soloNanos} ({@link #SOLO_NANOS} for queries), it runs them too (waking a pool thread costs tens
   * of microseconds, and on a busy machine the woken thread may wait far longer for a core while the
   * caller waits for it). Otherwise the calling thread and up to {@link #SEGMENT_THREADS} pool threads
   * take the remaining indexes in turn. The first failure stops the others taking more and is thrown.
   */
  static void inParallel(int n, IntConsumer task, long soloNanos) {
    long started = System.nanoTime();
    task.accept(0);
    if ((System.nanoTime() - started) * (n - 1) < soloNanos) {
      for (int i = 1; i < n; i++) {
        task.accept(i);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Object lock = new Object();
    int[] active = {0}; // workers between start and end, guarded by lock
    Runnable worker = () -> {
      synchronized (lock) {
        active[0]++;
      }
      try {
        for (int i; failure.get() == null && (i = next.getAndIncrement()) < n; ) {
          try {
            task.accept(i);
          } catch (Throwable t) {
            failure.compareAndSet(null, t);
          }
        }
      } finally {
        synchronized (lock) {
          if (--active[0] == 0) {
            lock.notifyAll();
          }
        }
      }
    };
    List<Future<?>> helpers = new ArrayList<>();
    for (int k = 0; k < Math.min(SEGMENT_THREADS, n - 2); k++) {
      helpers.add(SEGMENT_POOL.submit(worker));
    }
    worker.run();
    // Every index is taken (or a failure stops taking more); wait for the workers still on one.
    // A helper starting later finds nothing to take.
    boolean interrupted = false;
    synchronized (lock) {
      while (active[0] > 0) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    helpers.forEach(f -> f.cancel(false));
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    if (t != null) {
      throw new IllegalStateException("Query failed", t);
    }
  }

  /**
   * Runs the query on the segments its intervals cover now; if one of them was closed after it was
   * looked up (a task's copy released after handoff, see {@link SegmentClosedException}), looks the
   * segments up again and runs the whole query once more, so that each row is read exactly once.
   */
  private <Q extends Query, P> List<?> run(QueryToolkit<Q, P> toolkit, Query query, QueryDeadline deadline) {
    for (int attempt = 1; ; attempt++) {
      try {
        return runOnce(toolkit, query, deadline);
      } catch (SegmentClosedException e) {
        if (attempt == LOOKUP_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private <Q extends Query, P> List<?> runOnce(QueryToolkit<Q, P> toolkit, Query query, QueryDeadline deadline) {
    Q typed = toolkit.queryClass().cast(query);
    List<P> partials = new ArrayList<>();
    List<TimelineEntry> entries = inlineEntries(query, deadline);
    for (String table : query.getDataSource().getTableNames()) {
      entries.addAll(registry.lookup(table, query.getIntervals()));
    }
    List<TimelineEntry> chosen = new ArrayList<>();
    List<Segment> parts = new ArrayList<>();
    for (TimelineEntry entry : toolkit.chooseSegments(typed, entries)) {
      for (Segment part : SegmentParts.of(entry.segment())) {
        chosen.add(entry);
        parts.add(part);
      }
    }
    Object[] results = new Object[parts.size()];
    QueryToolkit.PartialFold<P> fold = toolkit.newFold(typed);
    OrderedFold<P> ordered = fold == null ? null : new OrderedFold<>(fold, parts.size());
    IntConsumer one = i -> {
      deadline.check();
      P partial = null;
      try (SegmentView view = parts.get(i).open()) {
        if (view.getNumRows() > 0) {
          TimelineEntry entry = chosen.get(i);
          partial = toolkit.runOnSegment(typed, new QuerySegment(entry.id(), view, entry.interval()), deadline);
        }
      }
      if (ordered != null) {
        ordered.put(i, partial);
      } else {
        results[i] = partial;
      }
    };
    if (toolkit.segmentsInParallel() && SEGMENT_POOL != null && parts.size() > 1) {
      inParallel(parts.size(), one, SOLO_NANOS);
    } else {
      for (int i = 0; i < parts.size(); i++) {
        one.accept(i);
      }
    }
    if (ordered != null) {
      List<?> answer = ordered.finish();
      deadline.check();
      return ResultTimestamps.apply(query, answer);
    }
    for (Object r : results) {
      if (r != null) {
        @SuppressWarnings("unchecked")
        P partial = (P) r;
        partials.add(partial);
      }
    }
    deadline.check();
    return ResultTimestamps.apply(query, toolkit.merge(typed, partials));
  }
}
