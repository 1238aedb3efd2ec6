package io.kafkaindexing.segment.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"type": "floatMin", "name", "fieldName" or "expression"}}. Immutable. */
public final class FloatMinAggregatorFactory extends SimpleNumericAggregatorFactory {
  @JsonCreator
  public FloatMinAggregatorFactory(@JsonProperty("name") String name, @JsonProperty("fieldName") String fieldName,
      @JsonProperty("expression") String expression) {
    super(NumericKind.FLOAT_MIN, name, fieldName, expression);
  }

  @Override
  public AggregatorFactory getCombiningFactory() {
    return new FloatMinAggregatorFactory(getName(), getName(), null);
  }
}
