package io.kafkaindexing.segment.incremental;

import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.read.Cursor;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * Walks the rows of an {@link IncrementalIndexView} within a time range, in time order (equal
 * times in the order {@link IncrementalIndex#open()} describes), skipping row ids outside the
 * optional filter bitmap. Not thread-safe.
 */
final class IncrementalCursor implements Cursor, RowPointer {
  private final IncrementalIndexView view;
  private final Iterable<TimeOrderedRows.IdList> range;
  private final ImmutableRoaringBitmap rowFilter;
  private final ColumnSelectorFactory selectors;
  private Iterator<TimeOrderedRows.IdList> times;
  private TimeOrderedRows.IdList ids;
  private int position;
  private final RowStore rows;
  /** The current row's id, or -1 when done. */
  private int current = -1;

  IncrementalCursor(IncrementalIndexView view, Iterable<TimeOrderedRows.IdList> range,
      ImmutableRoaringBitmap rowFilter) {
    this.view = view;
    this.range = range;
    this.rowFilter = rowFilter;
    this.rows = view.rows();
    this.selectors = new RowSelectorFactory(view, this);
    reset();
  }

  @Override
  public boolean isDone() {
    return current < 0;
  }

  @Override
  public void advance() {
    checkNotDone();
    position++;
    seek();
  }

  @Override
  public void reset() {
    times = range.iterator();
    ids = null;
    position = 0;
    seek();
  }

  /** Moves to the first acceptable row at or after {@code position}. */
  private void seek() {
    while (true) {
      while (ids == null || position >= ids.size()) {
        if (!times.hasNext()) {
          current = -1;
          return;
        }
        ids = times.next();
        position = 0;
      }
      int rowId = ids.get(position);
      if (rowFilter == null || rowFilter.contains(rowId)) {
        current = rowId;
        return;
      }
      position++;
    }
  }

  @Override
  public int getRowId() {
    checkNotDone();
    return current;
  }

  @Override
  public long time() {
    checkNotDone();
    return rows.time(current);
  }

  @Override
  public Object dim(int position) {
    checkNotDone();
    return rows.dim(current, position);
  }

  private void checkNotDone() {
    if (current < 0) {
      throw new NoSuchElementException("Cursor is done");
    }
  }

  @Override
  public ColumnSelectorFactory getColumnSelectorFactory() {
    return selectors;
  }
}
