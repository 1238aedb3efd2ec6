package io.kafkaindexing.benchmarks;

import io.kafkaindexing.indexing.input.InputEntity;
import io.kafkaindexing.indexing.spec.DataSchema;
import io.kafkaindexing.indexing.task.RecordProcessor;
import io.kafkaindexing.segment.row.InputRow;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JSON row parsing as the Kafka task does it: each record's bytes through the task's
 * {@link RecordProcessor} (the seed's legacy JSON parser as input format, its timestampSpec
 * {@code time}/{@code auto} and dimensionsSpec, the row counters) to an {@link InputRow}, which
 * is handed to a sink that only keeps it. Score: rows per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JsonParseBenchmark {
  static final int ROWS = 10_000;

  private List<InputEntity> records;
  private RecordProcessor processor;
  private InputRow last;
  private long parsed;

  @Setup
  public void setUp() {
    DataSchema schema = Seed.dataSchema();
    records = Seed.records(BenchRows.firstHour(ROWS));
    processor = Seed.processor(schema, row -> {
      last = row;
      parsed++;
    });
  }

  /** Parses {@value #ROWS} records; returns the last row so that the work is not optimised away. */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public InputRow parse() {
    for (InputEntity record : records) {
      processor.process(record);
    }
    return last;
  }

  long parsed() {
    return parsed;
  }
}
