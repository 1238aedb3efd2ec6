package io.kafkaindexing.segment.persisted;

import io.kafkaindexing.segment.read.Cursor;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/** The rows of one merge input, in stored order (time, then dimensions). Not thread-safe. */
interface RowSource {
  /** Moves to the next row; false when there is none. */
  boolean advance();

  /** The current row. */
  RowTable.Row current();

  /**
   * Whether no two rows of this source are equal in time and dimensions (so a rollup has nothing
   * to combine within it); false when unknown.
   */
  default boolean distinctRows() {
    return false;
  }

  /**
   * Rows already sorted in memory; {@code distinct} when no two of them are equal in time and
   * dimensions.
   */
  static RowSource of(List<RowTable.Row> rows, boolean distinct) {
    Iterator<RowTable.Row> it = rows.iterator();
    return new RowSource() {
      private RowTable.Row current;

      @Override
      public boolean distinctRows() {
        return distinct;
      }

      @Override
      public boolean advance() {
        current = it.hasNext() ? it.next() : null;
        return current != null;
      }

      @Override
      public RowTable.Row current() {
        return current;
      }
    };
  }

  /**
   * The rows of a persisted segment's cursor, which are stored sorted; a row out of order (a
   * segment sorted differently) fails the merge naming the segment.
   */
  static RowSource of(Cursor cursor, RowTable.RowReader reader, Comparator<RowTable.Row> order, String name) {
    return new RowSource() {
      private RowTable.Row current;
      private boolean started;

      @Override
      public boolean advance() {
        if (started && !cursor.isDone()) {
          cursor.advance();
        }
        started = true;
        if (cursor.isDone()) {
          current = null;
          return false;
        }
        RowTable.Row next = reader.read();
        if (current != null && order.compare(current, next) > 0) {
          throw new IllegalStateException("Segment[" + name + "] is not sorted by time and dimensions at row["
              + cursor.getRowId() + "]; cannot merge it");
        }
        current = next;
        return true;
      }

      @Override
      public RowTable.Row current() {
        return current;
      }
    };
  }
}
