package io.kafkaindexing.segment.incremental;

/** Where read-side selectors find the current row (a cursor). */
interface RowPointer {
  IncrementalRow current();
}
