package io.kafkaindexing.segment.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.segment.column.ValueType;

/**
 * {@code {"type": "stringAny", "name", "fieldName", "maxStringBytes", "aggregateMultipleValues"}};
 * see {@link AnyAggregatorFactory}. Immutable.
 */
public final class StringAnyAggregatorFactory extends AnyAggregatorFactory {
  @JsonCreator
  public StringAnyAggregatorFactory(@JsonProperty("name") String name, @JsonProperty("fieldName") String fieldName,
      @JsonProperty("maxStringBytes") Integer maxStringBytes,
      @JsonProperty("aggregateMultipleValues") Boolean aggregateMultipleValues) {
    super("stringAny", ValueType.STRING, name, fieldName, maxStringBytes, aggregateMultipleValues);
  }

  @Override
  AnyAggregatorFactory copy(String name, String fieldName) {
    return new StringAnyAggregatorFactory(name, fieldName, getMaxStringBytes(), getAggregateMultipleValues());
  }
}
