package io.kafkaindexing.segment.incremental;

import io.kafkaindexing.segment.aggregation.NumericKind;

/** {@code longSum}, {@code longMin} or {@code longMax} over a field, as longs. Not thread-safe (see {@link MetricColumn}). */
final class LongMetricColumn extends NumericMetricColumn {
  LongMetricColumn(NumericKind kind, InputRowSelectorFactory.InputColumnSelector input) {
    super(kind, input);
  }

  @Override
  void store(int rowId, Number n) {
    values.set(rowId, n.longValue());
  }

  @Override
  void fold(int rowId, Number n) {
    values.set(rowId, combine(op, values.get(rowId), n.longValue()));
  }

  @Override
  long getLong(int rowId) {
    return values.get(rowId);
  }

  @Override
  double getDouble(int rowId) {
    return values.get(rowId);
  }

  @Override
  float getFloat(int rowId) {
    return (float) (double) values.get(rowId);
  }

  @Override
  Object get(int rowId) {
    return isNull(rowId) ? null : values.get(rowId);
  }
}
