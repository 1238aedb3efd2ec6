package io.kafkaindexing.segment.aggregation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.ColumnValueSelector;
import io.kafkaindexing.segment.column.ValueType;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Base of {@code longAny}, {@code doubleAny}, {@code floatAny} and {@code stringAny}:
 * {@code {"type", "name", "fieldName"}} (plus {@code maxStringBytes}, default 1024, and
 * {@code aggregateMultipleValues}, default true, for strings): the first non-null value seen; null
 * when every value is null. A multi-value string row gives its values as one string
 * ({@code "[a, b]"}) unless {@code aggregateMultipleValues} is false (then its first value).
 * Immutable.
 */
public abstract class AnyAggregatorFactory extends AggregatorFactory {
  private final String type;
  private final ValueType valueType;
  private final String name;
  private final String fieldName;
  private final Integer maxStringBytes;
  private final Boolean aggregateMultipleValues;

  AnyAggregatorFactory(String type, ValueType valueType, String name, String fieldName, Integer maxStringBytes,
      Boolean aggregateMultipleValues) {
    this.type = type;
    this.valueType = valueType;
    this.name = NumericKind.requireName(name, type);
    if (fieldName == null || fieldName.isEmpty()) {
      throw new IllegalArgumentException("Aggregator[" + name + "] of type[" + type + "] must have a fieldName");
    }
    this.fieldName = fieldName;
    boolean string = valueType == ValueType.STRING;
    this.maxStringBytes = string ? (maxStringBytes == null ? FirstLastAggregatorFactory.DEFAULT_MAX_STRING_BYTES
        : maxStringBytes) : null;
    this.aggregateMultipleValues = string ? (aggregateMultipleValues == null || aggregateMultipleValues) : null;
  }

  abstract AnyAggregatorFactory copy(String name, String fieldName);

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
  public Integer getMaxStringBytes() {
    return maxStringBytes;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public Boolean getAggregateMultipleValues() {
    return aggregateMultipleValues;
  }

  @Override
  public List<String> requiredFields() {
    return List.of(fieldName);
  }

  @Override
  public Aggregator factorize(ColumnSelectorFactory columns) {
    ColumnValueSelector selector = columns.makeColumnValueSelector(fieldName);
    return new Aggregator() {
      private Object value;

      @Override
      public void aggregate() {
        if (value == null) {
          value = read(selector);
        }
      }

      @Override
      public Object get() {
        return value;
      }

      @Override
      public boolean isNull() {
        return value == null;
      }

      @Override
      public long getLong() {
        return value instanceof Number n ? n.longValue() : 0L;
      }

      @Override
      public double getDouble() {
        return value instanceof Number n ? n.doubleValue() : 0d;
      }
    };
  }

  private Object read(ColumnValueSelector selector) {
    if (valueType != ValueType.STRING) {
      if (selector.isNull()) {
        return null;
      }
      return switch (valueType) {
        case LONG -> selector.getLong();
        case FLOAT -> selector.getFloat();
        default -> selector.getDouble();
      };
    }
    Object raw = selector.getObject();
    if (raw instanceof List<?> list) {
      if (list.isEmpty()) {
        return null;
      }
      raw = aggregateMultipleValues && list.size() > 1 ? list.toString() : list.get(0);
    }
    return raw == null ? null : FirstLastAggregatorFactory.truncate(raw.toString(), maxStringBytes);
  }

  @Override
  public Object combine(Object lhs, Object rhs) {
    return lhs != null ? lhs : rhs;
  }

  @Override
  public AggregatorFactory getCombiningFactory() {
    return copy(name, name);
  }

  @Override
  public ValueType getIntermediateType() {
    return valueType;
  }

  @Override
  public Comparator<Object> getComparator() {
    return valueType == ValueType.STRING ? Comparator.nullsFirst(Comparator.comparing(o -> (String) o))
        : Comparator.nullsFirst(Comparator.comparingDouble(o -> ((Number) o).doubleValue()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AnyAggregatorFactory that && type.equals(that.type) && name.equals(that.name)
        && fieldName.equals(that.fieldName) && Objects.equals(maxStringBytes, that.maxStringBytes)
        && Objects.equals(aggregateMultipleValues, that.aggregateMultipleValues);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, name, fieldName, maxStringBytes, aggregateMultipleValues);
  }

  @Override
  public String toString() {
    return type + "(" + name + " <- " + fieldName + ")";
  }
}
