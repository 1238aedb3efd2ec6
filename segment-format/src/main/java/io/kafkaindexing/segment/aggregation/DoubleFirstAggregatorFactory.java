package io.kafkaindexing.segment.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.segment.column.ValueType;

/** {@code {"type": "doubleFirst", "name", "fieldName", "timeColumn"}}; see {@link FirstLastAggregatorFactory}. Immutable. */
public final class DoubleFirstAggregatorFactory extends FirstLastAggregatorFactory {
  @JsonCreator
  public DoubleFirstAggregatorFactory(@JsonProperty("name") String name, @JsonProperty("fieldName") String fieldName,
      @JsonProperty("timeColumn") String timeColumn) {
    super("doubleFirst", true, ValueType.DOUBLE, name, fieldName, timeColumn, null);
  }

  @Override
  FirstLastAggregatorFactory copy(String name, String fieldName) {
    return new DoubleFirstAggregatorFactory(name, fieldName, getTimeColumn());
  }
}
