package io.kafkaindexing.query.virtual;

import io.kafkaindexing.query.expression.Parser;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.ColumnValueSelector;
import io.kafkaindexing.segment.column.ExpressionColumns;
import io.kafkaindexing.segment.column.ValueType;
import java.util.List;

/**
 * The expression language behind segment-format's {@link ExpressionColumns} seam (registered in
 * {@code META-INF/services}): an expression is computed as an {@link ExpressionVirtualColumn}
 * whose output type is the aggregator's. Thread-safe.
 */
public final class ExpressionLanguageColumns implements ExpressionColumns {
  /** The internal name of the column computing an aggregator's expression. */
  private static final String NAME = "__expression";

  @Override
  public Compiled compile(String expression, ValueType type, String where) {
    Parser.parse(expression, where);
    ExpressionVirtualColumn column = new ExpressionVirtualColumn(NAME, expression, type.name());
    return new Compiled() {
      @Override
      public List<String> requiredColumns() {
        return column.requiredColumns();
      }

      @Override
      public ColumnValueSelector makeSelector(ColumnSelectorFactory columns) {
        return column.makeSelector(columns);
      }
    };
  }
}
