package io.kafkaindexing.segment.aggregation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.ValueType;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Base of {@code longSum}, {@code doubleMax} and the other simple numeric metrics:
 * {@code {"type", "name", "fieldName", "expression"}}. Expressions are not supported yet: a spec
 * with {@code expression} is refused naming the field. Immutable.
 */
public abstract class SimpleNumericAggregatorFactory extends AggregatorFactory {
  private final NumericKind kind;
  private final String name;
  private final String fieldName;
  private final String expression;

  protected SimpleNumericAggregatorFactory(NumericKind kind, String name, String fieldName, String expression) {
    this.kind = kind;
    this.name = NumericKind.requireName(name, kind.typeName());
    if (expression != null) {
      throw new IllegalArgumentException("Aggregator[" + name + "] of type[" + kind.typeName()
          + "]: field[expression] is not supported yet; use fieldName");
    }
    if (fieldName == null || fieldName.isEmpty()) {
      throw new IllegalArgumentException("Aggregator[" + name + "] of type[" + kind.typeName()
          + "] must have a fieldName");
    }
    this.fieldName = fieldName;
    this.expression = null;
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
    return List.of(fieldName);
  }

  @Override
  public Aggregator factorize(ColumnSelectorFactory columns) {
    return new NumericAggregator(kind, columns.makeColumnValueSelector(fieldName));
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
        && fieldName.equals(that.fieldName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, name, fieldName);
  }

  @Override
  public String toString() {
    return kind.typeName() + "(" + name + " <- " + fieldName + ")";
  }
}
