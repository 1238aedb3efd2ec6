package io.kafkaindexing.segment.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.segment.column.ValueType;

/** {@code {"type": "floatAny", "name", "fieldName"}}; see {@link AnyAggregatorFactory}. Immutable. */
public final class FloatAnyAggregatorFactory extends AnyAggregatorFactory {
  @JsonCreator
  public FloatAnyAggregatorFactory(@JsonProperty("name") String name, @JsonProperty("fieldName") String fieldName) {
    super("floatAny", ValueType.FLOAT, name, fieldName, null, null);
  }

  @Override
  AnyAggregatorFactory copy(String name, String fieldName) {
    return new FloatAnyAggregatorFactory(name, fieldName);
  }
}
