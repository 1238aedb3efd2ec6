package io.kafkaindexing.segment.incremental;

/**
 * One stored row: its id (arrival order), truncated time, encoded dimension values by dimension
 * position (a shorter array means null for the dimensions discovered after the row arrived); its
 * metrics are in the index's {@link MetricStore} under its id. Guarded by the index's lock.
 */
final class IncrementalRow {
  final int rowId;
  final long time;
  private final Object[] dims;

  IncrementalRow(int rowId, long time, Object[] dims) {
    this.rowId = rowId;
    this.time = time;
    this.dims = dims;
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
