package io.kafkaindexing.benchmarks;

import io.kafkaindexing.indexing.spec.DataSchema;
import io.kafkaindexing.segment.persisted.PersistedSegment;
import io.kafkaindexing.segment.persisted.SegmentMerger;
import io.kafkaindexing.segment.persisted.SegmentWriter;
import io.kafkaindexing.segment.row.InputRow;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
 * Merging the persisted parts of one segment into the segment a task pushes, as the appenderator
 * does before the push ({@link SegmentMerger#merge} over memory-mapped {@link PersistedSegment}s,
 * metadata from the first part): {@value #ROWS} rows of one hour in {@value #PARTS} parts of
 * consecutive rows (successive intermediate persists), persisted and loaded once. Each invocation
 * writes a new directory, deleted outside the timing. Score: rows per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MergeBenchmark {
  static final int ROWS = 100_000;
  static final int PARTS = 4;

  private final List<PersistedSegment> parts = new ArrayList<>();
  private File root;
  private File out;

  @Setup(Level.Trial)
  public void persistParts() throws IOException {
    DataSchema schema = Seed.dataSchema();
    List<InputRow> rows = Seed.parse(schema, BenchRows.firstHour(ROWS));
    root = TempDirs.create("jmh-merge");
    int perPart = ROWS / PARTS;
    for (int p = 0; p < PARTS; p++) {
      List<InputRow> slice = rows.subList(p * perPart, p == PARTS - 1 ? ROWS : (p + 1) * perPart);
      File dir = SegmentWriter.persist(Seed.index(schema, slice), Seed.HOUR, new File(root, "part" + p));
      parts.add(PersistedSegment.load(dir));
    }
    out = new File(root, "merged");
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public File merge() throws IOException {
    return SegmentMerger.merge(parts, Seed.HOUR, out, null);
  }

  @TearDown(Level.Invocation)
  public void deleteMerged() {
    TempDirs.delete(out);
  }

  @TearDown(Level.Trial)
  public void close() {
    parts.forEach(PersistedSegment::close);
    TempDirs.delete(root);
  }
}
