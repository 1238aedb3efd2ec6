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
 * Parse exceptions go through the {@link ParseExceptionHandler}, which may end the task. Not
 * thread-safe: used by the task thread only.
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

  private final InputFormat format;
  private final InputRowParser parser;
  private final RowFilter filter;
  private final RowSink sink;
  private final RowIngestionMeters meters;
  private final ParseExceptionHandler handler;

  public RecordProcessor(InputFormat format, InputRowParser parser, RowFilter filter, RowSink sink,
      RowIngestionMeters meters, ParseExceptionHandler handler) {
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
      parsed.forEach(row -> index(row, source));
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
      index(row, source);
    }
  }

  private void index(InputRow row, ParseExceptionHandler.Source source) {
    ThrownAwayReason rejected = filter.reject(row);
    if (rejected != null) {
      meters.incrementThrownAway(rejected);
      return;
    }
    IncrementalIndexAddResult result;
    try {
      result = sink.add(row);
    } catch (IllegalArgumentException e) {
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
    handler.handle(input, String.valueOf(e.getMessage()), false, source);
  }

  private static String inputOf(InputRow row) {
    String s = row instanceof MapBasedInputRow m ? String.valueOf(m.getEvent()) : row.toString();
    return s.length() > INPUT_PREVIEW_CHARS ? s.substring(0, INPUT_PREVIEW_CHARS) + "..." : s;
  }
}
