package io.kafkaindexing.query.engine;

import io.kafkaindexing.query.QueryDeadline;
import io.kafkaindexing.query.QuerySegment;
import io.kafkaindexing.query.filter.ColumnIndexes;
import io.kafkaindexing.query.filter.DimFilter;
import io.kafkaindexing.query.filter.ValueMatcher;
import io.kafkaindexing.query.virtual.VirtualColumns;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.ColumnValueSelector;
import io.kafkaindexing.segment.read.ColumnNames;
import io.kafkaindexing.segment.read.Cursor;

/**
 * The rows of one segment a query reads, in time order: those in the segment's query interval that
 * match the filter. The filter is answered from indexes when it can be (the cursor then visits only
 * matching row ids), otherwise row by row; a top-level {@code and} is split so that the fields
 * indexes can answer narrow the rows the other fields are tested on. Selectors from {@link #selectors()} see the query's
 * virtual columns. Checks the deadline every {@value #CHECK_EVERY} rows. Not thread-safe; valid
 * while the segment's view is open.
 */
public final class FilteredCursor {
  private static final int CHECK_EVERY = 4096;

  private final Cursor cursor;
  private final ColumnSelectorFactory selectors;
  private final ValueMatcher matcher;
  private final ColumnValueSelector time;
  private final QueryDeadline deadline;
  private int visited;

  public FilteredCursor(QuerySegment segment, DimFilter filter, VirtualColumns virtualColumns,
      QueryDeadline deadline) {
    VirtualColumns vcs = virtualColumns == null ? VirtualColumns.EMPTY : virtualColumns;
    IndexedFilter plan = filter == null ? IndexedFilter.NONE
        : IndexedFilter.plan(filter, new ColumnIndexes(segment.view(), vcs));
    this.cursor = segment.view().makeCursor(segment.interval(), plan.rows());
    this.selectors = vcs.wrap(cursor.getColumnSelectorFactory());
    this.matcher = plan.residual() == null ? null : plan.residual().makeMatcher(selectors);
    this.time = cursor.getColumnSelectorFactory().makeColumnValueSelector(ColumnNames.TIME);
    this.deadline = deadline;
    skipUnmatched();
  }

  public boolean isDone() {
    return cursor.isDone();
  }

  /** Moves to the next matching row. */
  public void advance() {
    cursor.advance();
    skipUnmatched();
  }

  /** The current row's (truncated) time. */
  public long time() {
    return time.getLong();
  }

  /** Selectors over the current row, virtual columns included. */
  public ColumnSelectorFactory selectors() {
    return selectors;
  }

  private void skipUnmatched() {
    while (!cursor.isDone()) {
      if (++visited % CHECK_EVERY == 0) {
        deadline.check();
      }
      if (matcher == null || matcher.matches(false)) {
        return;
      }
      cursor.advance();
    }
  }
}
