package io.kafkaindexing.benchmarks;

import io.kafkaindexing.indexing.input.InputEntity;
import io.kafkaindexing.indexing.spec.DataSchema;
import io.kafkaindexing.indexing.task.RecordProcessor;
import io.kafkaindexing.segment.incremental.IncrementalIndex;
import io.kafkaindexing.segment.incremental.IncrementalIndexSchema;
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
 * The task thread's per-row work from record bytes to the in-memory index: each Kafka record
 * through the task's {@link RecordProcessor} (as {@link JsonParseBenchmark}) into an empty
 * {@link IncrementalIndex} of one hour segment (as {@link IncrementalIndexAddBenchmark}). Unlike
 * the add benchmark, whose parsed rows are reused from invocation to invocation, every row's
 * strings are new here, as they are in a task (hashing them is part of the cost). A new index is
 * made outside the timing. Score: rows per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IngestBenchmark {
  static final int ROWS = 100_000;

  private List<InputEntity> records;
  private IncrementalIndexSchema schema;
  private RecordProcessor processor;
  private IncrementalIndex index;

  @Setup(Level.Trial)
  public void setUp() {
    DataSchema dataSchema = Seed.dataSchema();
    records = Seed.records(BenchRows.firstHour(ROWS));
    schema = Seed.indexSchema(dataSchema, Seed.HOUR);
    processor = Seed.processor(dataSchema, row -> index.add(row));
  }

  @Setup(Level.Invocation)
  public void emptyIndex() {
    index = new IncrementalIndex(schema);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public IncrementalIndex ingest() {
    for (InputEntity record : records) {
      processor.process(record);
    }
    return index;
  }
}
