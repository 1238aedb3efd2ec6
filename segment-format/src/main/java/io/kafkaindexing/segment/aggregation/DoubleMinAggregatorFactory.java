package io.kafkaindexing.segment.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"type": "doubleMin", "name", "fieldName" or "expression"}}. Immutable. */
public final class DoubleMinAggregatorFactory extends SimpleNumericAggregatorFactory {
  @JsonCreator
  public DoubleMinAggregatorFactory(@JsonProperty("name") String name, @JsonProperty("fieldName") String fieldName,
      @JsonProperty("expression") String expression) {
    super(NumericKind.DOUBLE_MIN, name, fieldName, expression);
  }

  @Override
  public AggregatorFactory getCombiningFactory() {
    return new DoubleMinAggregatorFactory(getName(), getName(), null);
  }
}
