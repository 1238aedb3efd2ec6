package io.kafkaindexing.segment.incremental;

/** Where read-side selectors find the current row (a cursor) of the {@link RowStore}. */
interface RowPointer {
  /** The current row's id (a cursor's {@code getRowId}). */
  int getRowId();

  /** The current row's truncated time. */
  long time();

  /** The current row's encoded value of the dimension at {@code position}, or null. */
  Object dim(int position);
}
