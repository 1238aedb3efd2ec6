package io.kafkaindexing.segment.incremental;

import io.kafkaindexing.segment.aggregation.NumericKind;

/**
 * {@code floatSum}, {@code floatMin} or {@code floatMax} over a field, folded in float arithmetic
 * (the floats' raw bits in the long slots). Not thread-safe (see {@link MetricColumn}).
 */
final class FloatMetricColumn extends NumericMetricColumn {
  FloatMetricColumn(NumericKind kind, InputRowSelectorFactory.InputColumnSelector input) {
    super(kind, input);
  }

  @Override
  void store(int rowId, Number n) {
    values.set(rowId, Float.floatToRawIntBits(n.floatValue()));
  }

  @Override
  void fold(int rowId, Number n) {
    values.set(rowId, Float.floatToRawIntBits(combine(op, getFloat(rowId), n.floatValue())));
  }

  @Override
  long getLong(int rowId) {
    return (long) getFloat(rowId);
  }

  @Override
  double getDouble(int rowId) {
    return getFloat(rowId);
  }

  @Override
  float getFloat(int rowId) {
    return Float.intBitsToFloat((int) values.get(rowId));
  }

  @Override
  Object get(int rowId) {
    return isNull(rowId) ? null : getFloat(rowId);
  }
}
