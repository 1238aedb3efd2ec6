package io.kafkaindexing.segment.persisted;

import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.read.Cursor;
import java.util.NoSuchElementException;
import org.roaringbitmap.PeekableIntIterator;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * Walks the stored rows {@code [start, end)} of a {@link PersistedSegment} (a time range), visiting
 * only the ids of an optional bitmap. Not thread-safe.
 */
final class PersistedCursor implements Cursor {
  private final int start;
  private final int end;
  private final ImmutableRoaringBitmap filter;
  private final PersistedSelectorFactory selectors;
  private PeekableIntIterator ids;
  private int row;

  PersistedCursor(PersistedSegment segment, int start, int end, ImmutableRoaringBitmap filter) {
    this.start = start;
    this.end = end;
    this.filter = filter;
    this.selectors = new PersistedSelectorFactory(segment, this);
    reset();
  }

  @Override
  public boolean isDone() {
    return row >= end;
  }

  @Override
  public void advance() {
    if (isDone()) {
      throw new NoSuchElementException("Cursor is done");
    }
    if (ids == null) {
      row++;
    } else {
      row = ids.hasNext() ? ids.next() : end;
    }
  }

  @Override
  public void reset() {
    if (filter == null) {
      ids = null;
      row = start;
      return;
    }
    ids = filter.getIntIterator();
    ids.advanceIfNeeded(start);
    row = ids.hasNext() ? ids.next() : end;
  }

  @Override
  public int getRowId() {
    if (isDone()) {
      throw new NoSuchElementException("Cursor is done");
    }
    return row;
  }

  /** The current row id without checks, for selectors. */
  int row() {
    return row;
  }

  @Override
  public ColumnSelectorFactory getColumnSelectorFactory() {
    return selectors;
  }
}
