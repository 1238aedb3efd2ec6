package io.kafkaindexing.indexing.task;

import io.kafkaindexing.indexing.input.InputEntity;
import io.kafkaindexing.indexing.input.InputFormat;
import io.kafkaindexing.indexing.input.InputRowParser;
import io.kafkaindexing.indexing.input.ParseException;
import io.kafkaindexing.indexing.input.RawRow;
import io.kafkaindexing.indexing.input.RawRows;
import io.kafkaindexing.segment.incremental.IncrementalIndexAddResult;
import io.kafkaindexing.segment.row.InputRow;
import io.kafkaindexing.segment.row.MapBasedInputRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Ingests one stream record and counts what happened to it exactly as Druid's streaming task does:
 * <ol>
 *   <li>a record without a value is {@code thrownAway} (reason {@code null}) unless the input format
 *       reads tombstones (the {@code kafka} format);</li>
 *   <li>{@code processedBytes} grows by the value's size;</li>
 *   <li>a record the format cannot read is one {@code unparseable} event; so is a row that fails
 *       alone (one bad CSV line), or, for all-or-nothing formats (JSON), the whole record when any
 *       of its rows has a bad timestamp;</li>
 *   <li>a row the {@link RowFilter} rejects is {@code thrownAway} with its reason;</li>
 *   <li>a row indexed with values that could not be stored is {@code processedWithError}, any other
 *       indexed row {@code processed}.</li>
 * </ol>
 * Parse exceptions go through the {@link ParseExceptionHandler}, which may end the task; records of
 * unparseable and thrown-away rows also go to the {@link RejectionSink} (the dead-letter topic).
 * {@link #read} is thread-safe (parse workers may read records ahead of the task thread);
 * {@link #process} and {@link #apply} are used by the task thread only.
 */
public final class RecordProcessor {
  private static final int INPUT_PREVIEW_CHARS = 1000;

  /** Where indexed rows go (the appenderator). */
  @FunctionalInterface
  public interface RowSink {
    IncrementalIndexAddResult add(InputRow row);
  }

  /** Decides whether a parsed row is kept; returns why it is thrown away, or null to keep it. */
  @FunctionalInterface
  public interface RowFilter {
    RowFilter ACCEPT_ALL = row -> null;

    ThrownAwayReason reject(InputRow row);
  }

  /**
   * Receives the records whose rows were not ingested (beyond Druid: the dead-letter topic):
   * {@code category} is {@code unparseable} or {@code thrownAway}, {@code reason} the thrown-away
   * reason (null for unparseable), {@code input} the offending row or record as text.
   */
  @FunctionalInterface
  public interface RejectionSink {
    RejectionSink NONE = (record, category, reason, input, message) -> { };

    void reject(InputEntity record, String category, String reason, String input, String message);
  }

  private final InputFormat format;
  private final InputRowParser parser;
  private final RowFilter filter;
  private final RowSink sink;
  private final RowIngestionMeters meters;
  private final ParseExceptionHandler handler;
  private final RejectionSink rejections;

  public RecordProcessor(InputFormat format, InputRowParser parser, RowFilter filter, RowSink sink,
      RowIngestionMeters meters, ParseExceptionHandler handler) {
    this(format, parser, filter, sink, meters, handler, RejectionSink.NONE);
  }

  public RecordProcessor(InputFormat format, InputRowParser parser, RowFilter filter, RowSink sink,
      RowIngestionMeters meters, ParseExceptionHandler handler, RejectionSink rejections) {
    this.rejections = rejections;
    this.format = format;
    this.parser = parser;
    this.filter = filter;
    this.sink = sink;
    this.meters = meters;
    this.handler = handler;
  }

  /**
   * Reads, filters and indexes the rows of {@code record}.
   *
   * @throws MaxParseExceptionsExceededException when the task has seen too many parse exceptions
   */
  public void process(InputEntity record) {
    apply(read(record));
  }

  /**
   * Reads the rows of {@code record} without counting or indexing anything: the part of
   * {@link #process} that may run off the task thread (parse workers), since the input format and
   * row parser are immutable and thread-safe. {@link #apply} finishes the record.
   */
  public ReadRecord read(InputEntity record) {
    if (record.isTombstone() && !format.readsTombstones()) {
      return ReadRecord.failed(record, null);
    }
    RawRows rows;
    try {
      rows = format.read(record);
    } catch (ParseException | RuntimeException e) {
      return ReadRecord.failed(record, e);
    }
    if (rows.isAllOrNothing()) {
      List<RawRow> raws = rows.rows();
      List<InputRow> parsed = raws.size() == 1 ? null : new ArrayList<>(raws.size());
      try {
        for (RawRow raw : raws) {
          if (raw.isError()) {
            throw raw.error();
          }
          InputRow row = parser.parse(raw.fields());
          if (parsed == null) {
            return ReadRecord.rows(record, List.of(row), null); // most records: one row, no list to grow
          }
          parsed.add(row);
        }
      } catch (ParseException | RuntimeException e) {
        return ReadRecord.failed(record, e);
      }
      return ReadRecord.rows(record, parsed, null);
    }
    List<InputRow> parsed = new ArrayList<>(rows.rows().size());
    List<Exception> errors = null;
    for (int i = 0; i < rows.rows().size(); i++) {
      RawRow raw = rows.rows().get(i);
      try {
        if (raw.isError()) {
          throw raw.error();
        }
        parsed.add(parser.parse(raw.fields()));
      } catch (ParseException | RuntimeException e) {
        if (errors == null) {
          errors = new ArrayList<>();
        }
        while (errors.size() < i) {
          errors.add(null);
        }
        errors.add(e);
        parsed.add(null);
      }
    }
    return ReadRecord.rows(record, parsed, errors);
  }

  /**
   * Counts, filters and indexes a record read by {@link #read}, exactly as {@link #process} would
   * have; task thread only, records of a partition in offset order. A failure other than a parse
   * error (a bug) is thrown here, at the row where it happened.
   *
   * @throws MaxParseExceptionsExceededException when the task has seen too many parse exceptions
   */
  public void apply(ReadRecord read) {
    InputEntity record = read.record();
    ParseExceptionHandler.Source source = new ParseExceptionHandler.Source(record.topic(), record.partition(),
        record.offset());
    if (record.isTombstone() && !format.readsTombstones()) {
      meters.incrementThrownAway(ThrownAwayReason.NULL);
      rejections.reject(record, "thrownAway", ThrownAwayReason.NULL.reason(), "null", "Record has no value");
      return;
    }
    meters.addProcessedBytes(record.value() == null ? 0 : record.value().length);
    if (read.recordError() != null) {
      unparseable(record, read.recordError(), source);
      return;
    }
    List<InputRow> rows = read.rows();
    for (int i = 0; i < rows.size(); i++) {
      Exception error = read.rowError(i);
      if (error != null) {
        unparseable(record, error, source);
      } else {
        index(record, rows.get(i), source);
      }
    }
  }

  private void index(InputEntity record, InputRow row, ParseExceptionHandler.Source source) {
    ThrownAwayReason rejected = filter.reject(row);
    if (rejected != null) {
      meters.incrementThrownAway(rejected);
      rejections.reject(record, "thrownAway", rejected.reason(), inputOf(row), "Row thrown away: " + rejected.reason());
      return;
    }
    IncrementalIndexAddResult result;
    try {
      result = sink.add(row);
    } catch (IllegalArgumentException e) {
      rejections.reject(record, "unparseable", null, inputOf(row), "Could not index row: " + e.getMessage());
      handler.handle(inputOf(row), "Could not index row: " + e.getMessage(), false, source);
      return;
    }
    if (result.hasParseErrors()) {
      handler.handle(inputOf(row), result.parseErrors(), true, source);
    } else {
      meters.incrementProcessed();
    }
  }

  /** Counts a parse error; rethrows any other failure, as the task thread would have met it. */
  private void unparseable(InputEntity record, Exception failure, ParseExceptionHandler.Source source) {
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    ParseException e = (ParseException) failure;
    String input = e.input() != null ? e.input() : record.valuePreview(INPUT_PREVIEW_CHARS);
    rejections.reject(record, "unparseable", null, input, String.valueOf(e.getMessage()));
    handler.handle(input, String.valueOf(e.getMessage()), false, source);
  }

  private static String inputOf(InputRow row) {
    String s = row instanceof MapBasedInputRow m ? String.valueOf(m.getEvent()) : row.toString();
    return s.length() > INPUT_PREVIEW_CHARS ? s.substring(0, INPUT_PREVIEW_CHARS) + "..." : s;
  }
}
