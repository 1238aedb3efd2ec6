package io.kafkaindexing.indexing.kafka;

import static io.kafkaindexing.indexing.input.TestMappers.format;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.indexing.input.InputRowParser;
import io.kafkaindexing.indexing.task.ParseExceptionHandler;
import io.kafkaindexing.indexing.task.RecordProcessor;
import io.kafkaindexing.indexing.task.RowIngestionMeters;
import io.kafkaindexing.segment.incremental.IncrementalIndexAddResult;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import io.kafkaindexing.segment.spec.TimestampSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Read-ahead hands back the records of every poll in poll order, whatever the number of workers. */
class ReadAheadTest {
  private final RowIngestionMeters meters = new RowIngestionMeters();
  private final List<String> indexed = new ArrayList<>();
  private final RecordProcessor processor = new RecordProcessor(format("{'type':'json'}"),
      new InputRowParser(new TimestampSpec("time", "iso", null), DimensionsSpec.of(List.of()), Set.of()),
      RecordProcessor.RowFilter.ACCEPT_ALL, row -> {
        indexed.add(String.valueOf(row.getRaw("n")));
        return IncrementalIndexAddResult.NO_PARSE_ERRORS;
      }, meters, new ParseExceptionHandler("t", meters, false, Integer.MAX_VALUE, 0, () -> 0L));

  /** A poll of {@code count} records alternating over two partitions, numbered from {@code first}. */
  private static List<ReadAhead.Polled> poll(int first, int count) {
    List<ReadAhead.Polled> out = new ArrayList<>();
    for (int i = first; i < first + count; i++) {
      byte[] value = ("{\"time\":\"2018-03-06T10:00:00Z\",\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
      out.add(new ReadAhead.Polled(KafkaPartition.of(i % 2), new ConsumerRecord<>("metrics", i % 2, i / 2, null,
          value)));
    }
    return out;
  }

  private List<String> expected(int count) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(Integer.toString(i));
    }
    return out;
  }

  @Test
  void rowsAreAppliedInPollOrderWithAnyNumberOfWorkers() throws Exception {
    for (int threads : new int[] {0, 1, 2, 3}) {
      indexed.clear();
      try (ReadAhead readAhead = new ReadAhead(processor, threads, "t")) {
        int next = 0;
        for (int size : new int[] {1, 500, 63, 64, 1000, 7}) {
          readAhead.submit(poll(next, size));
          next += size;
          readAhead.applyAllButLatestPoll(chunk -> chunk.forEach(r -> processor.apply(r.read())));
          assertTrue(indexed.size() <= next);
        }
        readAhead.drain(chunk -> chunk.forEach(r -> processor.apply(r.read())));
        assertTrue(readAhead.isEmpty());
        assertEquals(expected(next), indexed, "threads " + threads);
      }
    }
  }

  @Test
  void withoutWorkersEachPollIsAppliedAtOnce() throws Exception {
    try (ReadAhead readAhead = new ReadAhead(processor, 0, "t")) {
      readAhead.submit(poll(0, 10));
      readAhead.applyAllButLatestPoll(chunk -> chunk.forEach(r -> processor.apply(r.read())));
      assertTrue(readAhead.isEmpty());
      assertEquals(expected(10), indexed);
    }
  }

  @Test
  void withWorkersTheLatestPollWaitsUntilTheNextOrADrain() throws Exception {
    try (ReadAhead readAhead = new ReadAhead(processor, 2, "t")) {
      readAhead.submit(poll(0, 1000));
      readAhead.applyAllButLatestPoll(chunk -> chunk.forEach(r -> processor.apply(r.read())));
      assertEquals(List.of(), indexed, "the workers read the latest poll while the task thread indexes the one before");
      readAhead.submit(poll(1000, 10));
      readAhead.applyAllButLatestPoll(chunk -> chunk.forEach(r -> processor.apply(r.read())));
      assertEquals(expected(1000), indexed);
      readAhead.drain(chunk -> chunk.forEach(r -> processor.apply(r.read())));
      assertEquals(expected(1010), indexed);
      assertEquals(1010L, meters.processed());
    }
  }
}
