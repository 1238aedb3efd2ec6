package io.kafkaindexing.segment.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.segment.column.ValueType;

/** {@code {"type": "doubleLast", "name", "fieldName", "timeColumn"}}; see {@link FirstLastAggregatorFactory}. Immutable. */
public final class DoubleLastAggregatorFactory extends FirstLastAggregatorFactory {
  @JsonCreator
  public DoubleLastAggregatorFactory(@JsonProperty("name") String name, @JsonProperty("fieldName") String fieldName,
      @JsonProperty("timeColumn") String timeColumn) {
    super("doubleLast", false, ValueType.DOUBLE, name, fieldName, timeColumn, null);
  }

  @Override
  FirstLastAggregatorFactory copy(String name, String fieldName) {
    return new DoubleLastAggregatorFactory(name, fieldName, getTimeColumn());
  }
}
