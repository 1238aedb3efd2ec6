package io.kafkaindexing.segment.aggregation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.ExpressionColumns;
import io.kafkaindexing.segment.column.ValueType;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Base of {@code longSum}, {@code doubleMax} and the other simple numeric metrics:
 * {@code {"type", "name", "fieldName", "expression"}}: exactly one of {@code fieldName} (a column)
 * and {@code expression} (Druid's expression language, computed per row through the
 * {@link ExpressionColumns} seam, at query time and at ingestion alike) is given. Immutable.
 */
public abstract class SimpleNumericAggregatorFactory extends AggregatorFactory {
  private final NumericKind kind;
  private final String name;
  private final String fieldName;
  private final String expression;
  private final ExpressionColumns.Compiled compiled;

  protected SimpleNumericAggregatorFactory(NumericKind kind, String name, String fieldName, String expression) {
    this.kind = kind;
    this.name = NumericKind.requireName(name, kind.typeName());
    if ((fieldName == null) == (expression == null)) {
      throw new IllegalArgumentException("Aggregator[" + name + "] of type[" + kind.typeName()
          + "]: Must have a valid, non-null fieldName or expression");
    }
    if (fieldName != null && fieldName.isEmpty()) {
      throw new IllegalArgumentException("Aggregator[" + name + "] of type[" + kind.typeName()
          + "] must have a fieldName");
    }
    this.fieldName = fieldName;
    this.expression = expression;
    this.compiled = expression == null ? null
        : ExpressionColumns.get().compile(expression, kind.type(), "field[expression] of aggregator[" + name + "]");
  }

  public NumericKind kind() {
    return kind;
  }

  @Override
  @JsonProperty
  public String getName() {
    return name;
  }

  @JsonProperty
  public String getFieldName() {
    return fieldName;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public String getExpression() {
    return expression;
  }

  @Override
  public List<String> requiredFields() {
    return compiled == null ? List.of(fieldName) : compiled.requiredColumns();
  }

  @Override
  public Aggregator factorize(ColumnSelectorFactory columns) {
    return new NumericAggregator(kind, compiled == null ? columns.makeColumnValueSelector(fieldName)
        : compiled.makeSelector(columns));
  }

  @Override
  public Object combine(Object lhs, Object rhs) {
    return kind.combine(lhs, rhs);
  }

  @Override
  public ValueType getIntermediateType() {
    return kind.type();
  }

  @Override
  public Comparator<Object> getComparator() {
    return kind.comparator();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SimpleNumericAggregatorFactory that && kind == that.kind && name.equals(that.name)
        && Objects.equals(fieldName, that.fieldName) && Objects.equals(expression, that.expression);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, name, fieldName, expression);
  }

  @Override
  public String toString() {
    return kind.typeName() + "(" + name + " <- " + (fieldName != null ? fieldName : "expression " + expression) + ")";
  }
}
