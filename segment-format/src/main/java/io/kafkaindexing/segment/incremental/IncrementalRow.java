package io.kafkaindexing.segment.incremental;

import io.kafkaindexing.segment.aggregation.Aggregator;

/**
 * One stored row: its id (arrival order), truncated time, encoded dimension values by dimension
 * position (a shorter array means null for the dimensions discovered after the row arrived) and
 * one aggregator per metric. Guarded by the index's lock.
 */
final class IncrementalRow {
  final int rowId;
  final long time;
  private final Object[] dims;
  final Aggregator[] metrics;

  IncrementalRow(int rowId, long time, Object[] dims, Aggregator[] metrics) {
    this.rowId = rowId;
    this.time = time;
    this.dims = dims;
    this.metrics = metrics;
  }

  /** The encoded value of the dimension at {@code position} (int[] ids, a boxed number) or null. */
  Object dim(int position) {
    return position < dims.length ? dims[position] : null;
  }

  /** How many dimensions the row has values (or nulls) for. */
  int dimCount() {
    return dims.length;
  }
}
