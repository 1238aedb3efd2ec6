package io.kafkaindexing.segment.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"type": "doubleMax", "name", "fieldName" or "expression"}}. Immutable. */
public final class DoubleMaxAggregatorFactory extends SimpleNumericAggregatorFactory {
  @JsonCreator
  public DoubleMaxAggregatorFactory(@JsonProperty("name") String name, @JsonProperty("fieldName") String fieldName,
      @JsonProperty("expression") String expression) {
    super(NumericKind.DOUBLE_MAX, name, fieldName, expression);
  }

  @Override
  public AggregatorFactory getCombiningFactory() {
    return new DoubleMaxAggregatorFactory(getName(), getName(), null);
  }
}
