package io.kafkaindexing.segment.incremental;

import io.kafkaindexing.segment.aggregation.NumericKind;

/**
 * {@code doubleSum}, {@code doubleMin} or {@code doubleMax} over a field, as doubles (their raw
 * bits in the long slots). Not thread-safe (see {@link MetricColumn}).
 */
final class DoubleMetricColumn extends NumericMetricColumn {
  DoubleMetricColumn(NumericKind kind, InputRowSelectorFactory.InputColumnSelector input) {
    super(kind, input);
  }

  @Override
  void store(int rowId, Number n) {
    values.set(rowId, Double.doubleToRawLongBits(n.doubleValue()));
  }

  @Override
  void fold(int rowId, Number n) {
    values.set(rowId, Double.doubleToRawLongBits(combine(op, getDouble(rowId), n.doubleValue())));
  }

  @Override
  long getLong(int rowId) {
    return (long) getDouble(rowId);
  }

  @Override
  double getDouble(int rowId) {
    return Double.longBitsToDouble(values.get(rowId));
  }

  @Override
  float getFloat(int rowId) {
    return (float) getDouble(rowId);
  }

  @Override
  Object get(int rowId) {
    return isNull(rowId) ? null : getDouble(rowId);
  }
}
