package io.kafkaindexing.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.kafkaindexing.indexing.input.InputEntity;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two-partition order of {@link IngestBenchmark}: every record once, a partition's batch at a time. */
class IngestBenchmarkTest {
  @Test
  void interleavesPartitionsBatchByBatch() {
    List<InputEntity> records = Seed.records(BenchRows.firstHour(2_300));
    List<InputEntity> polled = IngestBenchmark.interleaved(records, 2);
    assertEquals(records.size(), polled.size());
    assertEquals(records.size(), new HashSet<>(polled).size());
    // first batch: rows 0, 2, 4, ... of partition 0; then rows 1, 3, 5, ... of partition 1
    for (int i = 0; i < IngestBenchmark.BATCH; i++) {
      assertSame(records.get(2 * i), polled.get(i));
      assertSame(records.get(2 * i + 1), polled.get(IngestBenchmark.BATCH + i));
    }
    assertSame(records.get(2 * IngestBenchmark.BATCH), polled.get(2 * IngestBenchmark.BATCH));
    assertEquals(records, IngestBenchmark.interleaved(records, 1));
  }
}
