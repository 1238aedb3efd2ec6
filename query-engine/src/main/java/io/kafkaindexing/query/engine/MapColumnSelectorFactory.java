package io.kafkaindexing.query.engine;

import io.kafkaindexing.segment.column.ColumnCapabilities;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.ColumnValueSelector;
import io.kafkaindexing.segment.column.DimensionSelector;
import io.kafkaindexing.segment.column.ObjectDimensionSelector;
import io.kafkaindexing.segment.column.ValueType;
import io.kafkaindexing.segment.read.ColumnNames;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Selectors over a result row held as a map (column name to String, Number, List of Strings or
 * null) plus its timestamp as {@code __time}: how groupBy {@code having} filters and expression
 * post-aggregators read rows. Column types come from the given signature. Not thread-safe.
 */
public final class MapColumnSelectorFactory implements ColumnSelectorFactory {
  private final Supplier<Map<String, Object>> row;
  private final Supplier<Long> timestamp;
  private final Map<String, ValueType> signature;

  public MapColumnSelectorFactory(Supplier<Map<String, Object>> row, Supplier<Long> timestamp,
      Map<String, ValueType> signature) {
    this.row = row;
    this.timestamp = timestamp;
    this.signature = signature;
  }

  @Override
  public ColumnValueSelector makeColumnValueSelector(String column) {
    return new ColumnValueSelector() {
      private Object value() {
        if (ColumnNames.TIME.equals(column)) {
          return timestamp.get();
        }
        Object v = row.get().get(column);
        return v instanceof List<?> list && list.size() == 1 ? list.get(0) : v;
      }

      private Number number() {
        Object v = value();
        if (v instanceof Number n) {
          return n;
        }
        if (v instanceof String s) {
          try {
            return Double.parseDouble(s.trim());
          } catch (NumberFormatException e) {
            return null;
          }
        }
        return null;
      }

      @Override
      public long getLong() {
        Number n = number();
        return n == null ? 0L : n.longValue();
      }

      @Override
      public double getDouble() {
        Number n = number();
        return n == null ? 0d : n.doubleValue();
      }

      @Override
      public boolean isNull() {
        return number() == null;
      }

      @Override
      public Object getObject() {
        return value();
      }
    };
  }

  @Override
  public DimensionSelector makeDimensionSelector(String column) {
    return new ObjectDimensionSelector(makeColumnValueSelector(column));
  }

  @Override
  public ColumnCapabilities getColumnCapabilities(String column) {
    if (ColumnNames.TIME.equals(column)) {
      return ColumnCapabilities.simple(ValueType.LONG);
    }
    ValueType type = signature.get(column);
    return type == null ? null : ColumnCapabilities.simple(type);
  }
}
