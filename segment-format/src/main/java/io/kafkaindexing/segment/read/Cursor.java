package io.kafkaindexing.segment.read;

import io.kafkaindexing.segment.column.ColumnSelectorFactory;

/**
 * Walks the rows of a {@link SegmentView} in time order. Selectors made from
 * {@link #getColumnSelectorFactory()} read the current row; make them once, then advance. Usage:
 * <pre>{@code for (; !cursor.isDone(); cursor.advance()) { ... selector.getObject() ... }}</pre>
 * Not thread-safe; valid only while its view is open.
 */
public interface Cursor {
  boolean isDone();

  /** Moves to the next row; must not be called when {@link #isDone()}. */
  void advance();

  /** Goes back to the first row. */
  void reset();

  /** The current row's id, as used by the view's bitmaps. */
  int getRowId();

  /** Selectors over the current row; {@link ColumnNames#TIME} reads the row time in millis. */
  ColumnSelectorFactory getColumnSelectorFactory();
}
