package io.kafkaindexing.segment.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.ColumnValueSelector;
import io.kafkaindexing.segment.column.ValueType;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * {@code {"type": "hyperUnique", "name", "fieldName", "isInputHyperUnique", "round"}}: Druid's
 * HyperLogLog distinct count, stored as complex type {@code hyperUnique} ({@link HyperLogLogSketch}).
 * At ingestion each string value of the input (each value of a list) is hashed into the row's
 * sketch; stored sketches (objects or their bytes) are folded. The intermediate value is a
 * {@link HyperLogLogSketch}; the finalized value its estimate (rounded when {@code round}).
 * Immutable.
 */
@JsonPropertyOrder({"type", "name", "fieldName", "isInputHyperUnique", "round"})
public final class HyperUniquesAggregatorFactory extends AggregatorFactory {
  public static final String TYPE_NAME = "hyperUnique";

  private final String name;
  private final String fieldName;
  private final boolean isInputHyperUnique;
  private final boolean round;

  @JsonCreator
  public HyperUniquesAggregatorFactory(@JsonProperty("name") String name, @JsonProperty("fieldName") String fieldName,
      @JsonProperty("isInputHyperUnique") Boolean isInputHyperUnique, @JsonProperty("round") Boolean round) {
    this.name = NumericKind.requireName(name, TYPE_NAME);
    if (fieldName == null || fieldName.isEmpty()) {
      throw new IllegalArgumentException("Aggregator[" + name + "] of type[hyperUnique] must have a fieldName");
    }
    this.fieldName = fieldName;
    this.isInputHyperUnique = Boolean.TRUE.equals(isInputHyperUnique);
    this.round = Boolean.TRUE.equals(round);
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

  @JsonProperty("isInputHyperUnique")
  public boolean isInputHyperUnique() {
    return isInputHyperUnique;
  }

  @JsonProperty
  public boolean isRound() {
    return round;
  }

  @Override
  public List<String> requiredFields() {
    return List.of(fieldName);
  }

  @Override
  public Aggregator factorize(ColumnSelectorFactory columns) {
    ColumnValueSelector selector = columns.makeColumnValueSelector(fieldName);
    return new SketchAggregator() {
      @Override
      public void aggregate() {
        fold(sketch, selector.getObject());
      }
    };
  }

  /** Adds an input or stored value to {@code sketch}. */
  private static void fold(HyperLogLogSketch sketch, Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof HyperLogLogSketch other) {
      sketch.fold(other);
    } else if (value instanceof byte[] bytes) {
      sketch.fold(HyperLogLogSketch.fromBytes(bytes));
    } else if (value instanceof List<?> list) {
      list.forEach(v -> fold(sketch, v));
    } else {
      sketch.add(value.toString());
    }
  }

  @Override
  public Object combine(Object lhs, Object rhs) {
    if (lhs == null && rhs == null) {
      return null;
    }
    HyperLogLogSketch out = new HyperLogLogSketch();
    fold(out, lhs);
    fold(out, rhs);
    return out;
  }

  @Override
  public ValueType getResultType() {
    return round ? ValueType.LONG : ValueType.DOUBLE;
  }

  @Override
  public Object finalizeComputation(Object intermediate) {
    if (intermediate == null) {
      return null;
    }
    HyperLogLogSketch sketch = new HyperLogLogSketch();
    fold(sketch, intermediate);
    return round ? (Object) Math.round(sketch.estimate()) : (Object) sketch.estimate();
  }

  @Override
  public AggregatorFactory getCombiningFactory() {
    return new HyperUniquesAggregatorFactory(name, name, false, round);
  }

  @Override
  public ValueType getIntermediateType() {
    return ValueType.COMPLEX;
  }

  @Override
  public String getComplexTypeName() {
    return TYPE_NAME;
  }

  @Override
  public Comparator<Object> getComparator() {
    return Comparator.nullsFirst((a, b) -> 0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HyperUniquesAggregatorFactory that && name.equals(that.name)
        && fieldName.equals(that.fieldName) && isInputHyperUnique == that.isInputHyperUnique && round == that.round;
  }

  @Override
  public int hashCode() {
    return Objects.hash(TYPE_NAME, name, fieldName, isInputHyperUnique, round);
  }

  @Override
  public String toString() {
    return "hyperUnique(" + name + " <- " + fieldName + ")";
  }
}
