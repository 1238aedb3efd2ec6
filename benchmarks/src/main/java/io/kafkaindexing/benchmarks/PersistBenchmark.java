package io.kafkaindexing.benchmarks;

import io.kafkaindexing.indexing.spec.DataSchema;
import io.kafkaindexing.segment.incremental.IncrementalIndex;
import io.kafkaindexing.segment.persisted.SegmentWriter;
import java.io.File;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Persisting an in-memory index of {@value #ROWS} rows (one hour segment of the seed) to a segment
 * directory in Druid's format, as a task's intermediate persist does ({@link SegmentWriter#persist}).
 * The index is built once; each invocation writes a new directory, deleted outside the timing.
 * Score: rows per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PersistBenchmark {
  static final int ROWS = 100_000;

  private IncrementalIndex index;
  private File root;
  private File out;

  @Setup(Level.Trial)
  public void buildIndex() {
    DataSchema schema = Seed.dataSchema();
    index = Seed.index(schema, Seed.parse(schema, BenchRows.firstHour(ROWS)));
    root = TempDirs.create("jmh-persist");
    out = new File(root, "segment");
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public File persist() throws IOException {
    return SegmentWriter.persist(index, Seed.HOUR, out);
  }

  @TearDown(Level.Invocation)
  public void deleteSegment() {
    TempDirs.delete(out);
  }

  @TearDown(Level.Trial)
  public void deleteRoot() {
    TempDirs.delete(root);
  }
}
