package io.kafkaindexing.segment.incremental;

import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.aggregation.CountAggregatorFactory;
import io.kafkaindexing.segment.aggregation.DoubleMaxAggregatorFactory;
import io.kafkaindexing.segment.aggregation.DoubleMinAggregatorFactory;
import io.kafkaindexing.segment.aggregation.DoubleSumAggregatorFactory;
import io.kafkaindexing.segment.aggregation.FloatMaxAggregatorFactory;
import io.kafkaindexing.segment.aggregation.FloatMinAggregatorFactory;
import io.kafkaindexing.segment.aggregation.FloatSumAggregatorFactory;
import io.kafkaindexing.segment.aggregation.LongMaxAggregatorFactory;
import io.kafkaindexing.segment.aggregation.LongMinAggregatorFactory;
import io.kafkaindexing.segment.aggregation.LongSumAggregatorFactory;
import io.kafkaindexing.segment.aggregation.SimpleNumericAggregatorFactory;
import java.util.Set;

/**
 * One metric's aggregated values for every stored row of an incremental index, by row id: a slot
 * is added per new row ({@link #addRow}), the input row being added is folded into a slot
 * ({@link #aggregate}), and readers get the slot's value as the metric's {@code Aggregator} would
 * report it (same null handling, same conversions). Not thread-safe: written under the index's
 * write lock, read under its read lock.
 */
abstract class MetricColumn {
  /** The simple numeric metrics kept in primitive pages when they read a field (no expression). */
  private static final Set<Class<?>> PRIMITIVE = Set.of(LongSumAggregatorFactory.class,
      LongMinAggregatorFactory.class, LongMaxAggregatorFactory.class, DoubleSumAggregatorFactory.class,
      DoubleMinAggregatorFactory.class, DoubleMaxAggregatorFactory.class, FloatSumAggregatorFactory.class,
      FloatMinAggregatorFactory.class, FloatMaxAggregatorFactory.class);

  /**
   * The column for {@code metric}: primitive pages for {@code count} and for the simple numeric
   * metrics over a field, one {@code Aggregator} per row for every other metric.
   */
  static MetricColumn of(AggregatorFactory metric, InputRowSelectorFactory inputs) {
    if (metric.getClass() == CountAggregatorFactory.class) {
      return new CountMetricColumn();
    }
    SimpleNumericAggregatorFactory s = simpleOverField(metric);
    if (s != null) {
      InputRowSelectorFactory.InputColumnSelector input = inputs.column(s.getFieldName());
      return switch (s.kind().type()) {
        case LONG -> new LongMetricColumn(s.kind(), input);
        case FLOAT -> new FloatMetricColumn(s.kind(), input);
        default -> new DoubleMetricColumn(s.kind(), input);
      };
    }
    return new AggregatorMetricColumn(metric, inputs);
  }

  /**
   * {@code metric} as a simple numeric metric ({@code longSum}, {@code doubleMax}...) over a field
   * (no expression), or null when it is something else.
   */
  static SimpleNumericAggregatorFactory simpleOverField(AggregatorFactory metric) {
    return PRIMITIVE.contains(metric.getClass()) && metric instanceof SimpleNumericAggregatorFactory s
        && s.getExpression() == null && s.getFieldName() != null ? s : null;
  }

  /**
   * Adds the empty slot of row {@code rowId} (row ids come one by one from 0).
   *
   * @return the heap bytes this added
   */
  abstract long addRow(int rowId);

  /** Folds the input row being added into the slot of {@code rowId}. */
  abstract void aggregate(int rowId);

  /** Heap bytes of an empty column. */
  abstract long baseBytes();

  abstract boolean isNull(int rowId);

  abstract long getLong(int rowId);

  abstract double getDouble(int rowId);

  abstract float getFloat(int rowId);

  /** The value as an object (Long, Double, Float or the aggregator's), or null. */
  abstract Object get(int rowId);
}
