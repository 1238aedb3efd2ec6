package io.kafkaindexing.segment.incremental;

import io.kafkaindexing.segment.aggregation.Aggregator;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import java.util.Arrays;

/**
 * A metric kept as one {@link Aggregator} per row (every metric without a primitive column:
 * sketches, first/last, expressions...), in pages of {@link LongPages#PAGE_SIZE} references.
 * Not thread-safe (see {@link MetricColumn}).
 */
final class AggregatorMetricColumn extends MetricColumn {
  /** Heap cost of one aggregator object (with its fields). */
  static final int AGGREGATOR_BYTES = 48;
  private static final int ARRAY_HEADER_BYTES = 16;
  private static final int REFERENCE_BYTES = 4;

  private final AggregatorFactory factory;
  private final InputRowSelectorFactory inputs;
  private Aggregator[][] pages = new Aggregator[4][];

  AggregatorMetricColumn(AggregatorFactory factory, InputRowSelectorFactory inputs) {
    this.factory = factory;
    this.inputs = inputs;
  }

  @Override
  long addRow(int rowId) {
    int page = rowId >>> LongPages.PAGE_SHIFT;
    long bytes = AGGREGATOR_BYTES;
    if (page == pages.length) {
      pages = Arrays.copyOf(pages, page * 2);
      bytes += (long) REFERENCE_BYTES * page;
    }
    if (pages[page] == null) {
      pages[page] = new Aggregator[LongPages.PAGE_SIZE];
      bytes += ARRAY_HEADER_BYTES + (long) REFERENCE_BYTES * LongPages.PAGE_SIZE;
    }
    pages[page][rowId & LongPages.PAGE_MASK] = factory.factorize(inputs);
    return bytes;
  }

  private Aggregator at(int rowId) {
    return pages[rowId >>> LongPages.PAGE_SHIFT][rowId & LongPages.PAGE_MASK];
  }

  @Override
  void aggregate(int rowId) {
    at(rowId).aggregate();
  }

  @Override
  long baseBytes() {
    return ARRAY_HEADER_BYTES + (long) REFERENCE_BYTES * pages.length;
  }

  @Override
  boolean isNull(int rowId) {
    return at(rowId).isNull();
  }

  @Override
  long getLong(int rowId) {
    return at(rowId).getLong();
  }

  @Override
  double getDouble(int rowId) {
    return at(rowId).getDouble();
  }

  @Override
  float getFloat(int rowId) {
    return at(rowId).getFloat();
  }

  @Override
  Object get(int rowId) {
    return at(rowId).get();
  }
}
