package io.kafkaindexing.segment.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"type": "floatMax", "name", "fieldName" or "expression"}}. Immutable. */
public final class FloatMaxAggregatorFactory extends SimpleNumericAggregatorFactory {
  @JsonCreator
  public FloatMaxAggregatorFactory(@JsonProperty("name") String name, @JsonProperty("fieldName") String fieldName,
      @JsonProperty("expression") String expression) {
    super(NumericKind.FLOAT_MAX, name, fieldName, expression);
  }

  @Override
  public AggregatorFactory getCombiningFactory() {
    return new FloatMaxAggregatorFactory(getName(), getName(), null);
  }
}
