package io.kafkaindexing.segment.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"type": "longMax", "name", "fieldName" or "expression"}}. Immutable. */
public final class LongMaxAggregatorFactory extends SimpleNumericAggregatorFactory {
  @JsonCreator
  public LongMaxAggregatorFactory(@JsonProperty("name") String name, @JsonProperty("fieldName") String fieldName,
      @JsonProperty("expression") String expression) {
    super(NumericKind.LONG_MAX, name, fieldName, expression);
  }

  @Override
  public AggregatorFactory getCombiningFactory() {
    return new LongMaxAggregatorFactory(getName(), getName(), null);
  }
}
