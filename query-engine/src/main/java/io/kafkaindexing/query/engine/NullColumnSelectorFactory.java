package io.kafkaindexing.query.engine;

import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.ColumnValueSelector;
import io.kafkaindexing.segment.column.NullColumnValueSelector;

/**
 * Selectors that always read null: what aggregators see for a result with no rows (Druid's empty
 * timeseries and groupBy summary rows). Stateless.
 */
public final class NullColumnSelectorFactory implements ColumnSelectorFactory {
  public static final NullColumnSelectorFactory INSTANCE = new NullColumnSelectorFactory();

  private NullColumnSelectorFactory() {}

  @Override
  public ColumnValueSelector makeColumnValueSelector(String column) {
    return NullColumnValueSelector.INSTANCE;
  }
}
