package io.kafkaindexing.segment.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"type": "longMin", "name", "fieldName" or "expression"}}. Immutable. */
public final class LongMinAggregatorFactory extends SimpleNumericAggregatorFactory {
  @JsonCreator
  public LongMinAggregatorFactory(@JsonProperty("name") String name, @JsonProperty("fieldName") String fieldName,
      @JsonProperty("expression") String expression) {
    super(NumericKind.LONG_MIN, name, fieldName, expression);
  }

  @Override
  public AggregatorFactory getCombiningFactory() {
    return new LongMinAggregatorFactory(getName(), getName(), null);
  }
}
