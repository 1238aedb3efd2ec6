package io.kafkaindexing.benchmarks;

import io.kafkaindexing.indexing.spec.DataSchema;
import io.kafkaindexing.segment.incremental.IncrementalIndex;
import io.kafkaindexing.segment.incremental.IncrementalIndexSchema;
import io.kafkaindexing.segment.row.InputRow;
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

/**
 * Adding parsed rows to the in-memory incremental index of one hour segment, with the seed's
 * rollup (count and doubleSum metrics, query granularity none), as the appenderator's sink does:
 * {@value #ROWS} rows into an empty index per invocation (a new index is made outside the timing).
 * Score: rows per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IncrementalIndexAddBenchmark {
  static final int ROWS = 100_000;

  private List<InputRow> rows;
  private IncrementalIndexSchema schema;
  private IncrementalIndex index;

  @Setup(Level.Trial)
  public void parseRows() {
    DataSchema dataSchema = Seed.dataSchema();
    rows = Seed.parse(dataSchema, BenchRows.firstHour(ROWS));
    schema = Seed.indexSchema(dataSchema, Seed.HOUR);
  }

  @Setup(Level.Invocation)
  public void emptyIndex() {
    index = new IncrementalIndex(schema);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public IncrementalIndex add() {
    for (InputRow row : rows) {
      index.add(row);
    }
    return index;
  }
}
