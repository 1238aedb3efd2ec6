package io.kafkaindexing.segment.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.segment.column.ValueType;

/** {@code {"type": "longLast", "name", "fieldName", "timeColumn"}}; see {@link FirstLastAggregatorFactory}. Immutable. */
public final class LongLastAggregatorFactory extends FirstLastAggregatorFactory {
  @JsonCreator
  public LongLastAggregatorFactory(@JsonProperty("name") String name, @JsonProperty("fieldName") String fieldName,
      @JsonProperty("timeColumn") String timeColumn) {
    super("longLast", false, ValueType.LONG, name, fieldName, timeColumn, null);
  }

  @Override
  FirstLastAggregatorFactory copy(String name, String fieldName) {
    return new LongLastAggregatorFactory(name, fieldName, getTimeColumn());
  }
}
