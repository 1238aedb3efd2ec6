package io.kafkaindexing.indexing.task;

import io.kafkaindexing.indexing.input.InputEntity;
import io.kafkaindexing.segment.row.InputRow;
import java.util.List;

/**
 * One stream record as {@link RecordProcessor#read} left it for {@link RecordProcessor#apply}: the
 * parsed rows in record order, or why the record (or a row of it) could not be read. Nothing is
 * counted yet, so a record can be read ahead on another thread and applied later in offset order.
 * Immutable once built; safely handed between threads through a {@code Future}.
 *
 * @param record the record
 * @param recordError why no row of the record is kept (a {@code ParseException}, or a runtime failure
 *     to rethrow on the task thread); null when rows were read, and for a skipped tombstone
 * @param rows the rows read, null at the positions of failed rows; empty when {@code recordError} is set
 * @param rowErrors the failure of each row by position (null for rows read), shorter than
 *     {@code rows} when the last rows were read; null when every row was
 */
public record ReadRecord(InputEntity record, Exception recordError, List<InputRow> rows,
    List<Exception> rowErrors) {

  static ReadRecord failed(InputEntity record, Exception error) {
    return new ReadRecord(record, error, List.of(), null);
  }

  static ReadRecord rows(InputEntity record, List<InputRow> rows, List<Exception> rowErrors) {
    return new ReadRecord(record, null, rows, rowErrors);
  }

  /** The failure of row {@code i}, or null if it was read. */
  Exception rowError(int i) {
    return rowErrors == null || i >= rowErrors.size() ? null : rowErrors.get(i);
  }
}
