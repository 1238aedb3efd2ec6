package io.kafkaindexing.segment.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"type": "longSum", "name", "fieldName" or "expression"}}. Immutable. */
public final class LongSumAggregatorFactory extends SimpleNumericAggregatorFactory {
  @JsonCreator
  public LongSumAggregatorFactory(@JsonProperty("name") String name, @JsonProperty("fieldName") String fieldName,
      @JsonProperty("expression") String expression) {
    super(NumericKind.LONG_SUM, name, fieldName, expression);
  }

  @Override
  public AggregatorFactory getCombiningFactory() {
    return new LongSumAggregatorFactory(getName(), getName(), null);
  }
}
