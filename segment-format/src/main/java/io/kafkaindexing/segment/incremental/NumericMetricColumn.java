package io.kafkaindexing.segment.incremental;

import io.kafkaindexing.segment.aggregation.NumericKind;

/**
 * Base of the columns of the simple numeric metrics ({@code longSum}, {@code doubleMax}...) over
 * an input field: one 64-bit slot per row ({@link #values}) and a bit per row saying whether any
 * non-null input was folded in; a row without one is null (SQL-compatible), as the metric's
 * aggregator reports it. The first non-null input is stored as is, later ones are folded with the
 * metric's operation in its value type. Not thread-safe (see {@link MetricColumn}).
 */
abstract class NumericMetricColumn extends MetricColumn {
  static final int SUM = 0;
  static final int MIN = 1;
  static final int MAX = 2;

  /** The metric's operation: {@link #SUM}, {@link #MIN} or {@link #MAX}. */
  final int op;
  final InputRowSelectorFactory.InputColumnSelector input;
  /** The values by row id, as the subclass encodes them in a long; 0 for null rows. */
  final LongPages values = new LongPages(64);
  /** One bit per row id, set once the row has a value. */
  private final LongPages present = new LongPages(2);

  NumericMetricColumn(NumericKind kind, InputRowSelectorFactory.InputColumnSelector input) {
    this.op = op(kind);
    this.input = input;
  }

  /** The operation of {@code kind}: {@link #SUM}, {@link #MIN} or {@link #MAX}. */
  static int op(NumericKind kind) {
    return switch (kind) {
      case LONG_SUM, DOUBLE_SUM, FLOAT_SUM -> SUM;
      case LONG_MIN, DOUBLE_MIN, FLOAT_MIN -> MIN;
      case LONG_MAX, DOUBLE_MAX, FLOAT_MAX -> MAX;
    };
  }

  /** {@code a} and {@code b} combined by {@code op} in long arithmetic. */
  static long combine(int op, long a, long b) {
    return op == SUM ? a + b : op == MIN ? Math.min(a, b) : Math.max(a, b);
  }

  /** {@code a} and {@code b} combined by {@code op} in double arithmetic. */
  static double combine(int op, double a, double b) {
    return op == SUM ? a + b : op == MIN ? Math.min(a, b) : Math.max(a, b);
  }

  /** {@code a} and {@code b} combined by {@code op} in float arithmetic. */
  static float combine(int op, float a, float b) {
    return op == SUM ? a + b : op == MIN ? Math.min(a, b) : Math.max(a, b);
  }

  @Override
  final long addRow(int rowId) {
    return values.ensure(rowId) + present.ensure(rowId >>> 6);
  }

  @Override
  final void aggregate(int rowId) {
    Number n = input.number();
    if (n == null) {
      return;
    }
    if (present.bit(rowId)) {
      fold(rowId, n);
    } else {
      store(rowId, n);
      present.setBit(rowId);
    }
  }

  /** Stores the first non-null input of a row. */
  abstract void store(int rowId, Number n);

  /** Folds a later non-null input into a row's value. */
  abstract void fold(int rowId, Number n);

  @Override
  final long baseBytes() {
    return values.baseBytes() + present.baseBytes();
  }

  @Override
  final boolean isNull(int rowId) {
    return !present.bit(rowId);
  }
}
