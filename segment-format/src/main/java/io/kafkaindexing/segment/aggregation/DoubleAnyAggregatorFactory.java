package io.kafkaindexing.segment.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.segment.column.ValueType;

/** {@code {"type": "doubleAny", "name", "fieldName"}}; see {@link AnyAggregatorFactory}. Immutable. */
public final class DoubleAnyAggregatorFactory extends AnyAggregatorFactory {
  @JsonCreator
  public DoubleAnyAggregatorFactory(@JsonProperty("name") String name, @JsonProperty("fieldName") String fieldName) {
    super("doubleAny", ValueType.DOUBLE, name, fieldName, null, null);
  }

  @Override
  AnyAggregatorFactory copy(String name, String fieldName) {
    return new DoubleAnyAggregatorFactory(name, fieldName);
  }
}
