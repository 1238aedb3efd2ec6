package io.kafkaindexing.segment.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.segment.column.ValueType;

/** {@code {"type": "floatFirst", "name", "fieldName", "timeColumn"}}; see {@link FirstLastAggregatorFactory}. Immutable. */
public final class FloatFirstAggregatorFactory extends FirstLastAggregatorFactory {
  @JsonCreator
  public FloatFirstAggregatorFactory(@JsonProperty("name") String name, @JsonProperty("fieldName") String fieldName,
      @JsonProperty("timeColumn") String timeColumn) {
    super("floatFirst", true, ValueType.FLOAT, name, fieldName, timeColumn, null);
  }

  @Override
  FirstLastAggregatorFactory copy(String name, String fieldName) {
    return new FloatFirstAggregatorFactory(name, fieldName, getTimeColumn());
  }
}
