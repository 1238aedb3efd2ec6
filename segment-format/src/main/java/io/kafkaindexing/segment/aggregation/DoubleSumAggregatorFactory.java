package io.kafkaindexing.segment.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"type": "doubleSum", "name", "fieldName" or "expression"}}. Immutable. */
public final class DoubleSumAggregatorFactory extends SimpleNumericAggregatorFactory {
  @JsonCreator
  public DoubleSumAggregatorFactory(@JsonProperty("name") String name, @JsonProperty("fieldName") String fieldName,
      @JsonProperty("expression") String expression) {
    super(NumericKind.DOUBLE_SUM, name, fieldName, expression);
  }

  @Override
  public AggregatorFactory getCombiningFactory() {
    return new DoubleSumAggregatorFactory(getName(), getName(), null);
  }
}
