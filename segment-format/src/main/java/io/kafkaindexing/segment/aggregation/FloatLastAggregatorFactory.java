package io.kafkaindexing.segment.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.segment.column.ValueType;

/** {@code {"type": "floatLast", "name", "fieldName", "timeColumn"}}; see {@link FirstLastAggregatorFactory}. Immutable. */
public final class FloatLastAggregatorFactory extends FirstLastAggregatorFactory {
  @JsonCreator
  public FloatLastAggregatorFactory(@JsonProperty("name") String name, @JsonProperty("fieldName") String fieldName,
      @JsonProperty("timeColumn") String timeColumn) {
    super("floatLast", false, ValueType.FLOAT, name, fieldName, timeColumn, null);
  }

  @Override
  FirstLastAggregatorFactory copy(String name, String fieldName) {
    return new FloatLastAggregatorFactory(name, fieldName, getTimeColumn());
  }
}
