package io.kafkaindexing.benchmarks;

import io.kafkaindexing.indexing.spec.DataSchema;
import io.kafkaindexing.query.Query;
import io.kafkaindexing.query.QueryToolkit;
import io.kafkaindexing.segment.SegmentId;
import io.kafkaindexing.segment.incremental.IncrementalIndex;
import io.kafkaindexing.segment.persisted.PersistedSegment;
import io.kafkaindexing.segment.persisted.SegmentWriter;
import io.kafkaindexing.segment.read.Segment;
import io.kafkaindexing.segment.read.SegmentView;
import java.io.File;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The per-segment kernel of each query type (search, timeseries, topN, groupBy, scan) over one
 * hour segment of {@value #ROWS} rows of the seed: (a) the in-memory incremental index a real-time
 * task serves, (b) the same rows persisted and memory-mapped as a Historical serves them. One
 * operation is what the executor does per segment: open a view, run the engine, close the view
 * (see {@link SegmentKernels}). Score: queries per second on one segment (times {@value #ROWS} for
 * rows per second).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class QueryKernelBenchmark {
  static final int ROWS = 100_000;

  @Param({"incremental", "persisted"})
  public String segment;

  @Param({"search", "timeseries", "topN", "groupBy", "scan"})
  public String query;

  private Segment target;
  private PersistedSegment persisted;
  private File dir;
  private SegmentId id;
  private Query parsedQuery;
  private QueryToolkit<?, ?> toolkit;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    DataSchema schema = Seed.dataSchema();
    IncrementalIndex index = Seed.index(schema, Seed.parse(schema, BenchRows.firstHour(ROWS)));
    // The first view sorts the rows added since the last one; a served index has been read before.
    try (SegmentView view = index.open()) {
      view.getNumRows();
    }
    if ("persisted".equals(segment)) {
      dir = TempDirs.create("jmh-query");
      persisted = PersistedSegment.load(SegmentWriter.persist(index, Seed.HOUR, new File(dir, "segment")));
      target = persisted;
    } else if ("incremental".equals(segment)) {
      target = index;
    } else {
      throw new IllegalArgumentException("segment[" + segment + "] must be incremental or persisted");
    }
    id = new SegmentId("metrics-kafka", Seed.HOUR, "2026-11-26T00:00:00.000Z", 0);
    parsedQuery = SegmentKernels.query(Seed.mapper(), query);
    toolkit = SegmentKernels.toolkitFor(parsedQuery);
  }

  @Benchmark
  public Object runOnSegment() {
    return SegmentKernels.runOnSegment(toolkit, parsedQuery, id, target);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (persisted != null) {
      persisted.close();
    }
    if (dir != null) {
      TempDirs.delete(dir);
    }
  }
}
