package io.kafkaindexing.query.engine;

import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.ColumnValueSelector;

/**
 * Selectors that always read null: what aggregators see for a result with no rows (Druid's empty
 * timeseries and groupBy summary rows). Stateless.
 */
public final class NullColumnSelectorFactory implements ColumnSelectorFactory {
  public static final NullColumnSelectorFactory INSTANCE = new NullColumnSelectorFactory();

  private static final ColumnValueSelector NULL = new ColumnValueSelector() {
    @Override
    public long getLong() {
      return 0L;
    }

    @Override
    public double getDouble() {
      return 0d;
    }

    @Override
    public boolean isNull() {
      return true;
    }

    @Override
    public Object getObject() {
      return null;
    }
  };

  private NullColumnSelectorFactory() {}

  @Override
  public ColumnValueSelector makeColumnValueSelector(String column) {
    return NULL;
  }
}
