package io.kafkaindexing.segment.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.segment.column.ValueType;

/** {@code {"type": "longAny", "name", "fieldName"}}; see {@link AnyAggregatorFactory}. Immutable. */
public final class LongAnyAggregatorFactory extends AnyAggregatorFactory {
  @JsonCreator
  public LongAnyAggregatorFactory(@JsonProperty("name") String name, @JsonProperty("fieldName") String fieldName) {
    super("longAny", ValueType.LONG, name, fieldName, null, null);
  }

  @Override
  AnyAggregatorFactory copy(String name, String fieldName) {
    return new LongAnyAggregatorFactory(name, fieldName);
  }
}
