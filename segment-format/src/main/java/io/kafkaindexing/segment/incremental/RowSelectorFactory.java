package io.kafkaindexing.segment.incremental;

import io.kafkaindexing.segment.column.ColumnCapabilities;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.ColumnValueSelector;
import io.kafkaindexing.segment.column.DimensionSelector;
import io.kafkaindexing.segment.column.NullColumnValueSelector;
import io.kafkaindexing.segment.column.ObjectDimensionSelector;
import io.kafkaindexing.segment.read.ColumnNames;

/**
 * Read-side selectors over the row a cursor points at: {@code __time}, dimensions (string ones with
 * their dictionary) and metrics (the row's aggregated values); absent columns read null.
 * Not thread-safe.
 */
final class RowSelectorFactory implements ColumnSelectorFactory {
  private final IncrementalIndexView view;
  private final RowPointer rows;

  RowSelectorFactory(IncrementalIndexView view, RowPointer rows) {
    this.view = view;
    this.rows = rows;
  }

  @Override
  public ColumnValueSelector makeColumnValueSelector(String column) {
    if (ColumnNames.TIME.equals(column)) {
      return new TimeSelector(rows);
    }
    DimensionIndexer dim = view.dimension(column);
    if (dim != null) {
      return dim.makeSelector(rows);
    }
    int metric = view.metricPosition(column);
    return metric < 0 ? NullColumnValueSelector.INSTANCE : new MetricSelector(rows, view.metricColumn(metric));
  }

  @Override
  public DimensionSelector makeDimensionSelector(String column) {
    ColumnValueSelector selector = makeColumnValueSelector(column);
    return selector instanceof DimensionSelector d ? d : new ObjectDimensionSelector(selector);
  }

  @Override
  public ColumnCapabilities getColumnCapabilities(String column) {
    return view.getColumnCapabilities(column);
  }

  /** The row time. */
  private record TimeSelector(RowPointer rows) implements ColumnValueSelector {
    @Override
    public long getLong() {
      return rows.time();
    }

    @Override
    public double getDouble() {
      return getLong();
    }

    @Override
    public boolean isNull() {
      return false;
    }

    @Override
    public Object getObject() {
      return getLong();
    }
  }

  /** One metric's aggregated value, read from its column in the index's metric store. */
  private record MetricSelector(RowPointer rows, MetricColumn column) implements ColumnValueSelector {
    @Override
    public long getLong() {
      return column.getLong(rows.getRowId());
    }

    @Override
    public double getDouble() {
      return column.getDouble(rows.getRowId());
    }

    @Override
    public float getFloat() {
      return column.getFloat(rows.getRowId());
    }

    @Override
    public boolean isNull() {
      return column.isNull(rows.getRowId());
    }

    @Override
    public Object getObject() {
      return column.get(rows.getRowId());
    }
  }
}
