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
 * Not thread-safe: used by the task thread only.
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
    ParseExceptionHandler.Source source = new ParseExceptionHandler.Source(record.topic(), record.partition(),
        record.offset());
    if (record.isTombstone() && !format.readsTombstones()) {
      meters.incrementThrownAway(ThrownAwayReason.NULL);
      rejections.reject(record, "thrownAway", ThrownAwayReason.NULL.reason(), "null", "Record has no value");
      return;
    }
    meters.addProcessedBytes(record.value() == null ? 0 : record.value().length);
    RawRows rows;
    try {
      rows = format.read(record);
    } catch (ParseException e) {
      unparseable(record, e, source);
      return;
    }
    if (rows.isAllOrNothing()) {
      List<InputRow> parsed = new ArrayList<>(rows.rows().size());
      try {
        for (RawRow raw : rows.rows()) {
          if (raw.isError()) {
            throw raw.error();
          }
          parsed.add(parser.parse(raw.fields()));
        }
      } catch (ParseException e) {
        unparseable(record, e, source);
        return;
      }
      parsed.forEach(row -> index(record, row, source));
      return;
    }
    for (RawRow raw : rows.rows()) {
      InputRow row;
      try {
        if (raw.isError()) {
          throw raw.error();
        }
        row = parser.parse(raw.fields());
      } catch (ParseException e) {
        unparseable(record, e, source);
        continue;
      }
      index(record, row, source);
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

  private void unparseable(InputEntity record, ParseException e, ParseExceptionHandler.Source source) {
    String input = e.input() != null ? e.input() : record.valuePreview(INPUT_PREVIEW_CHARS);
    rejections.reject(record, "unparseable", null, input, String.valueOf(e.getMessage()));
    handler.handle(input, String.valueOf(e.getMessage()), false, source);
  }

  private static String inputOf(InputRow row) {
    String s = row instanceof MapBasedInputRow m ? String.valueOf(m.getEvent()) : row.toString();
    return s.length() > INPUT_PREVIEW_CHARS ? s.substring(0, INPUT_PREVIEW_CHARS) + "..." : s;
  }
}
