package io.kafkaindexing.segment.incremental;

/**
 * A {@code count} metric: the number of input rows folded into each stored row, one long per row;
 * never null. Not thread-safe (see {@link MetricColumn}).
 */
final class CountMetricColumn extends MetricColumn {
  private final LongPages counts = new LongPages(64);

  @Override
  long addRow(int rowId) {
    return counts.ensure(rowId);
  }

  @Override
  void aggregate(int rowId) {
    counts.increment(rowId);
  }

  @Override
  long baseBytes() {
    return counts.baseBytes();
  }

  @Override
  boolean isNull(int rowId) {
    return false;
  }

  @Override
  long getLong(int rowId) {
    return counts.get(rowId);
  }

  @Override
  double getDouble(int rowId) {
    return counts.get(rowId);
  }

  @Override
  float getFloat(int rowId) {
    return (float) (double) counts.get(rowId);
  }

  @Override
  Object get(int rowId) {
    return counts.get(rowId);
  }
}
