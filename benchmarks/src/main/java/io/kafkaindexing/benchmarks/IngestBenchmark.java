package io.kafkaindexing.benchmarks;

import io.kafkaindexing.indexing.input.InputEntity;
import io.kafkaindexing.indexing.spec.DataSchema;
import io.kafkaindexing.indexing.task.RecordProcessor;
import io.kafkaindexing.segment.incremental.IncrementalIndex;
import io.kafkaindexing.segment.incremental.IncrementalIndexSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The task thread's per-row work from record bytes to the in-memory index: each Kafka record
 * through the task's {@link RecordProcessor} (as {@link JsonParseBenchmark}) into an empty
 * {@link IncrementalIndex} of one hour segment (as {@link IncrementalIndexAddBenchmark}). Unlike
 * the add benchmark, whose parsed rows are reused from invocation to invocation, every row's
 * strings are new here, as they are in a task (hashing them is part of the cost). A new index is
 * made outside the timing. With {@code partitions} 2 the records come as a task reading the bench's
 * two-partition topic gets them: row {@code i} from partition {@code i % 2}, {@value #BATCH} records
 * of one partition at a time (Kafka's default {@code max.poll.records}), so each batch's times trail
 * or lead the other partition's. Score: rows per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IngestBenchmark {
  static final int ROWS = 100_000;
  static final int BATCH = 500;

  /** Partitions the rows are read from, batch by batch. */
  @Param({"1", "2"})
  public int partitions = 1;

  private List<InputEntity> records;
  private IncrementalIndexSchema schema;
  private RecordProcessor processor;
  private IncrementalIndex index;

  @Setup(Level.Trial)
  public void setUp() {
    DataSchema dataSchema = Seed.dataSchema();
    records = interleaved(Seed.records(BenchRows.firstHour(ROWS)), partitions);
    schema = Seed.indexSchema(dataSchema, Seed.HOUR);
    processor = Seed.processor(dataSchema, row -> index.add(row));
  }

  /** {@code records} in the order a task polls them from {@code partitions} partitions (row i in i % n). */
  static List<InputEntity> interleaved(List<InputEntity> records, int partitions) {
    List<List<InputEntity>> byPartition = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      byPartition.add(new ArrayList<>());
    }
    for (int i = 0; i < records.size(); i++) {
      byPartition.get(i % partitions).add(records.get(i));
    }
    List<InputEntity> polled = new ArrayList<>(records.size());
    for (int from = 0; polled.size() < records.size(); from += BATCH) {
      for (List<InputEntity> partition : byPartition) {
        polled.addAll(partition.subList(Math.min(from, partition.size()), Math.min(from + BATCH, partition.size())));
      }
    }
    return polled;
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
