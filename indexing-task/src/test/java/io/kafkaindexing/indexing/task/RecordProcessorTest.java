package io.kafkaindexing.indexing.task;

import static io.kafkaindexing.indexing.input.TestMappers.format;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.indexing.input.InputEntity;
import io.kafkaindexing.indexing.input.InputFormat;
import io.kafkaindexing.indexing.input.InputRowParser;
import io.kafkaindexing.segment.incremental.IncrementalIndexAddResult;
import io.kafkaindexing.segment.row.InputRow;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import io.kafkaindexing.segment.spec.TimestampSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.joda.time.DateTime;
import org.junit.jupiter.api.Test;

/** Druid's row counters, record by record, for each way a record can go. */
class RecordProcessorTest {
  private static final long MIN = new DateTime("2018-03-06T00:00:00Z").getMillis();
  private static final long MAX = new DateTime("2018-03-07T00:00:00Z").getMillis();

  private final RowIngestionMeters meters = new RowIngestionMeters();
  private final List<InputRow> indexed = new ArrayList<>();
  private long offset;

  private RecordProcessor processor(InputFormat format, int maxParseExceptions, int maxSaved) {
    ParseExceptionHandler handler = new ParseExceptionHandler("task", meters, true, maxParseExceptions, maxSaved,
        () -> 1000 + offset);
    InputRowParser parser = new InputRowParser(new TimestampSpec("time", "iso", null),
        DimensionsSpec.of(List.of()), Set.of());
    RecordProcessor.RowFilter window = row -> row.getTimestampFromEpoch() < MIN
        ? ThrownAwayReason.BEFORE_MIN_MESSAGE_TIME
        : row.getTimestampFromEpoch() > MAX ? ThrownAwayReason.AFTER_MAX_MESSAGE_TIME : null;
    return new RecordProcessor(format, parser, window, row -> {
      indexed.add(row);
      return new IncrementalIndexAddResult(
          "bad".equals(row.getRaw("n")) ? List.of("Unable to parse value[bad] for field[n]") : List.of());
    }, meters, handler);
  }

  private InputEntity record(String value) {
    return new InputEntity("topic", 0, offset++, 0L, null,
        value == null ? null : value.getBytes(StandardCharsets.UTF_8), List.of());
  }

  private Map<String, Object> totals() {
    return meters.totals();
  }

  @Test
  void jsonRecordsCountedAsDruidDoes() {
    RecordProcessor p = processor(format("{'type':'json'}"), Integer.MAX_VALUE, 10);
    String ok = "{\"time\":\"2018-03-06T10:00:00Z\",\"n\":1}";
    p.process(record(ok));                                                      // processed 1
    p.process(record(ok + ok));                                                 // processed 2
    p.process(record("{\"time\":\"2018-03-06T10:00:00Z\",\"n\":\"bad\"}"));     // processedWithError
    p.process(record("{\"time\":\"later\"}"));                                  // unparseable: timestamp
    p.process(record(ok + "{\"time\":\"nope\"}"));                              // unparseable: one unit
    p.process(record("{not json"));                                             // unparseable: syntax
    p.process(record(null));                                                    // thrownAway: null
    p.process(record("{\"time\":\"2018-03-05T23:59:59Z\"}"));                   // thrownAway: late
    p.process(record("{\"time\":\"2018-03-07T00:00:01Z\"}"));                   // thrownAway: early
    p.process(record("{\"n\":1}"));                                             // unparseable: no time
    assertEquals(3L, totals().get("processed"));
    assertEquals(1L, totals().get("processedWithError"));
    assertEquals(4L, totals().get("unparseable"));
    assertEquals(3L, totals().get("thrownAway"));
    assertEquals(Map.of("null", 1L, "beforeMinMessageTime", 1L, "afterMaxMessageTime", 1L),
        totals().get("thrownAwayByReason"));
    long bytes = 0;
    for (String s : List.of(ok, ok + ok, "{\"time\":\"2018-03-06T10:00:00Z\",\"n\":\"bad\"}", "{\"time\":\"later\"}",
        ok + "{\"time\":\"nope\"}", "{not json", "{\"time\":\"2018-03-05T23:59:59Z\"}",
        "{\"time\":\"2018-03-07T00:00:01Z\"}", "{\"n\":1}")) {
      bytes += s.getBytes(StandardCharsets.UTF_8).length;
    }
    assertEquals(bytes, totals().get("processedBytes"), "the tombstone adds no bytes");
    assertEquals(4, indexed.size(), "rows with bad values are indexed too");
  }

  @Test
  void csvLinesFailOneByOne() {
    RecordProcessor p = processor(format("{'type':'csv','findColumnsFromHeader':true}"), Integer.MAX_VALUE, 0);
    p.process(record("time,n\n2018-03-06T10:00:00Z,1\nnot-a-time,2\n\"open\n2018-03-06T11:00:00Z,3"));
    assertEquals(2L, totals().get("processed"));
    assertEquals(2L, totals().get("unparseable"));
  }

  @Test
  void kafkaFormatMakesARowOfATombstone() {
    RecordProcessor p = processor(format("{'type':'kafka','valueFormat':{'type':'json'}}"), 0, 0);
    InputEntity tombstone = new InputEntity("topic", 0, 0, MIN + 5, "k".getBytes(StandardCharsets.UTF_8), null,
        List.of());
    new RecordProcessor(format("{'type':'kafka','valueFormat':{'type':'json'}}"),
        new InputRowParser(new TimestampSpec("kafka.timestamp", "millis", null), DimensionsSpec.of(List.of()),
            Set.of()), RecordProcessor.RowFilter.ACCEPT_ALL, row -> {
              indexed.add(row);
              return IncrementalIndexAddResult.NO_PARSE_ERRORS;
            }, meters, new ParseExceptionHandler("t", meters, false, 0, 0, () -> 0L)).process(tombstone);
    assertEquals(1L, totals().get("processed"));
    assertEquals(MIN + 5, indexed.get(0).getTimestampFromEpoch());
    assertEquals(0L, totals().get("thrownAway"));
    p.process(record("{\"time\":\"2018-03-06T10:00:00Z\"}"));
    assertEquals(2L, totals().get("processed"));
  }

  @Test
  void maxParseExceptionsEndsTheTaskSayingWhy() {
    RecordProcessor p = processor(format("{'type':'json'}"), 2, 2);
    p.process(record("{bad 1"));
    p.process(record("{\"time\":\"2018-03-06T10:00:00Z\",\"n\":\"bad\"}"));
    MaxParseExceptionsExceededException e = assertThrows(MaxParseExceptionsExceededException.class,
        () -> p.process(record("{bad 3")));
    assertTrue(e.getMessage().startsWith("Max parse exceptions[2] exceeded: 2 unparseable and 1 processed-with-error"
        + " rows; the last at topic[topic] partition[0] offset[2]: Unable to parse row [{bad 3]"), e.getMessage());
  }

  @Test
  void savedParseExceptionsCarryInputAndCoordinatesNewestFirst() {
    ParseExceptionHandler handler = new ParseExceptionHandler("task", meters, false, 100, 2, () -> 7L);
    RecordProcessor p = new RecordProcessor(format("{'type':'json'}"),
        new InputRowParser(new TimestampSpec("time", "iso", null), DimensionsSpec.of(List.of()), Set.of()),
        RecordProcessor.RowFilter.ACCEPT_ALL, row -> new IncrementalIndexAddResult(
            "bad".equals(row.getRaw("n")) ? List.of("Unable to parse value[bad] for field[n]") : List.of()),
        meters, handler);
    p.process(record("{oops"));
    p.process(record("{\"time\":\"x\",\"u\":\"bob\"}"));
    p.process(record("{\"time\":\"2018-03-06T10:00:00Z\",\"n\":\"bad\"}"));
    List<ParseExceptionReport> saved = handler.savedReports();
    assertEquals(2, saved.size(), "only the last maxSavedParseExceptions are kept");
    assertEquals(new ParseExceptionReport("{time=2018-03-06T10:00:00Z, n=bad}", "processedWithError",
        List.of("Unable to parse value[bad] for field[n]"), 7L, "topic", 0, 2L), saved.get(0));
    assertEquals(new ParseExceptionReport("{time=x, u=bob}", "unparseable",
        List.of("Timestamp[x] is unparseable! Event: {time=x, u=bob}"), 7L, "topic", 0, 1L), saved.get(1));
  }

  @Test
  void rejectedAndUnparseableRecordsGoToTheRejectionSink() {
    List<String> rejected = new ArrayList<>();
    RecordProcessor p = new RecordProcessor(format("{'type':'csv','columns':['time','n']}"),
        new InputRowParser(new TimestampSpec("time", "iso", null), DimensionsSpec.of(List.of()), Set.of()),
        row -> row.getTimestampFromEpoch() < MIN ? ThrownAwayReason.BEFORE_MIN_MESSAGE_TIME : null,
        row -> IncrementalIndexAddResult.NO_PARSE_ERRORS, meters,
        new ParseExceptionHandler("t", meters, false, 100, 0, () -> 0L),
        (record, category, reason, input, message) -> rejected.add(record.offset() + "|" + category + "|" + reason
            + "|" + input + "|" + message));
    p.process(record("2018-03-06T10:00:00Z,1\nbad,2\n2018-03-05T10:00:00Z,3"));
    p.process(record(null));
    assertEquals(List.of(
        "0|unparseable|null|{time=bad, n=2}|Timestamp[bad] is unparseable! Event: {time=bad, n=2}",
        "0|thrownAway|beforeMinMessageTime|{time=2018-03-05T10:00:00Z, n=3}|Row thrown away: beforeMinMessageTime",
        "1|thrownAway|null|null|Record has no value"), rejected);
    assertEquals(1L, totals().get("processed"));
  }

  /** One processor with its own counters, indexed rows, rejections and saved parse errors. */
  private static final class Run {
    final RowIngestionMeters meters = new RowIngestionMeters();
    final ParseExceptionHandler handler = new ParseExceptionHandler("task", meters, false, 6, 100, () -> 7L);
    final List<String> indexed = new ArrayList<>();
    final List<String> rejected = new ArrayList<>();
    final RecordProcessor processor;

    Run(InputFormat format) {
      processor = new RecordProcessor(format,
          new InputRowParser(new TimestampSpec("time", "iso", null), DimensionsSpec.of(List.of()), Set.of()),
          row -> row.getTimestampFromEpoch() < MIN ? ThrownAwayReason.BEFORE_MIN_MESSAGE_TIME : null,
          row -> {
            indexed.add(row.getTimestampFromEpoch() + " " + row.getDimensions() + " " + row.getRaw("n"));
            return new IncrementalIndexAddResult(
                "bad".equals(row.getRaw("n")) ? List.of("Unable to parse value[bad] for field[n]") : List.of());
          }, meters, handler,
          (record, category, reason, input, message) -> rejected.add(record.offset() + "|" + category + "|"
              + reason + "|" + input + "|" + message));
    }

    /** Everything a task reports or indexes, to compare two runs. */
    List<Object> outcome() {
      return List.of(meters.totals(), indexed, rejected, handler.savedReports());
    }
  }

  /**
   * Read-ahead (all records read on another thread first, then applied in order) counts, indexes,
   * rejects and fails exactly as processing record by record, for every way a record can go,
   * including the task failing at the same record on maxParseExceptions.
   */
  @Test
  void readOnAnotherThreadThenApplyMatchesProcess() throws Exception {
    String ok = "{\"time\":\"2018-03-06T10:00:00Z\",\"n\":1}";
    List<String> json = new ArrayList<>(List.of(ok, ok + ok, "{\"time\":\"2018-03-06T10:00:00Z\",\"n\":\"bad\"}",
        "{\"time\":\"later\"}", ok + "{\"time\":\"nope\"}", "{not json", "{\"time\":\"2018-03-05T23:59:59Z\"}",
        "{\"n\":1}", ok, "{x", "{y", "{z", ok));
    json.add(2, null);
    List<String> csv = List.of("2018-03-06T10:00:00Z,1\nbad,2\n2018-03-05T10:00:00Z,3\n2018-03-06T11:00:00Z,bad",
        "\"open", "2018-03-06T12:00:00Z,4");
    List<String> failures = new ArrayList<>();
    for (var input : List.of(Map.entry(format("{'type':'json'}"), json),
        Map.entry(format("{'type':'csv','columns':['time','n']}"), csv))) {
      List<InputEntity> records = new ArrayList<>();
      for (String value : input.getValue()) {
        records.add(record(value));
      }
      Run sequential = new Run(input.getKey());
      String sequentialFailure = null;
      for (InputEntity r : records) {
        try {
          sequential.processor.process(r);
        } catch (MaxParseExceptionsExceededException e) {
          sequentialFailure = e.getMessage();
          break;
        }
      }
      Run readAhead = new Run(input.getKey());
      ExecutorService reader = Executors.newSingleThreadExecutor();
      List<ReadRecord> read;
      try {
        read = reader.submit(() -> records.stream().map(readAhead.processor::read).toList()).get();
      } finally {
        reader.shutdown();
      }
      String readAheadFailure = null;
      for (ReadRecord r : read) {
        try {
          readAhead.processor.apply(r);
        } catch (MaxParseExceptionsExceededException e) {
          readAheadFailure = e.getMessage();
          break;
        }
      }
      assertEquals(sequential.outcome(), readAhead.outcome());
      assertEquals(sequentialFailure, readAheadFailure);
      failures.add(String.valueOf(sequentialFailure));
    }
    assertTrue(failures.get(0).startsWith("Max parse exceptions[6] exceeded"), failures.get(0));
    assertEquals("null", failures.get(1), "the CSV records stay below maxParseExceptions");
  }

  @Test
  void aFailureOtherThanAParseErrorIsThrownWhenItsRecordIsApplied() {
    RecordProcessor p = processor(format("{'type':'json'}"), Integer.MAX_VALUE, 0);
    ReadRecord bug = new ReadRecord(record("{}"), new IllegalStateException("bug"), List.of(), null);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.apply(bug));
    assertEquals("bug", e.getMessage());
    assertEquals(2L, totals().get("processedBytes"), "counted as far as the task thread got before");
  }
}
