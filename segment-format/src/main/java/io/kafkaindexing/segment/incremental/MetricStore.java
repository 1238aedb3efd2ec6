package io.kafkaindexing.segment.incremental;

import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import java.util.List;

/**
 * The metrics of an incremental index's rows, column by column ({@link MetricColumn}, by metric
 * position): {@code count} and the simple numeric metrics over a field in primitive pages,
 * aggregated in place, every other metric as one aggregator per row. Not thread-safe: the index
 * adds and aggregates under its write lock and reads under its read lock.
 */
final class MetricStore {
  private final MetricColumn[] columns;

  MetricStore(List<AggregatorFactory> metrics, InputRowSelectorFactory inputs) {
    columns = new MetricColumn[metrics.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = MetricColumn.of(metrics.get(i), inputs);
    }
  }

  /**
   * Adds the empty slots of row {@code rowId} (ids come one by one from 0).
   *
   * @return the heap bytes this added
   */
  long addRow(int rowId) {
    long bytes = 0;
    for (MetricColumn c : columns) {
      bytes += c.addRow(rowId);
    }
    return bytes;
  }

  /** Folds the input row being added into every metric of row {@code rowId}. */
  void aggregate(int rowId) {
    for (MetricColumn c : columns) {
      c.aggregate(rowId);
    }
  }

  /** Heap bytes of the empty store. */
  long baseBytes() {
    long bytes = 16 + 4L * columns.length;
    for (MetricColumn c : columns) {
      bytes += c.baseBytes();
    }
    return bytes;
  }

  /** The column of the metric at {@code position}. */
  MetricColumn column(int position) {
    return columns[position];
  }
}
