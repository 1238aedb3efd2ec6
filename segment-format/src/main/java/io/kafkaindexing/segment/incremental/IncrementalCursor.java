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
  private IncrementalRow current;

  IncrementalCursor(IncrementalIndexView view, Iterable<TimeOrderedRows.IdList> range,
      ImmutableRoaringBitmap rowFilter) {
    this.view = view;
    this.range = range;
    this.rowFilter = rowFilter;
    this.selectors = new RowSelectorFactory(view, this);
    reset();
  }

  @Override
  public boolean isDone() {
    return current == null;
  }

  @Override
  public void advance() {
    if (current == null) {
      throw new NoSuchElementException("Cursor is done");
    }
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
          current = null;
          return;
        }
        ids = times.next();
        position = 0;
      }
      int rowId = ids.get(position);
      if (rowFilter == null || rowFilter.contains(rowId)) {
        current = view.row(rowId);
        return;
      }
      position++;
    }
  }

  @Override
  public int getRowId() {
    return current().rowId;
  }

  @Override
  public IncrementalRow current() {
    if (current == null) {
      throw new NoSuchElementException("Cursor is done");
    }
    return current;
  }

  @Override
  public ColumnSelectorFactory getColumnSelectorFactory() {
    return selectors;
  }
}
