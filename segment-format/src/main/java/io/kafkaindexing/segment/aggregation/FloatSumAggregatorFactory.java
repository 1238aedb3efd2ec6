package io.kafkaindexing.segment.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"type": "floatSum", "name", "fieldName" or "expression"}}. Immutable. */
public final class FloatSumAggregatorFactory extends SimpleNumericAggregatorFactory {
  @JsonCreator
  public FloatSumAggregatorFactory(@JsonProperty("name") String name, @JsonProperty("fieldName") String fieldName,
      @JsonProperty("expression") String expression) {
    super(NumericKind.FLOAT_SUM, name, fieldName, expression);
  }

  @Override
  public AggregatorFactory getCombiningFactory() {
    return new FloatSumAggregatorFactory(getName(), getName(), null);
  }
}
