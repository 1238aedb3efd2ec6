package io.kafkaindexing.segment.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.segment.column.ValueType;

/**
 * {@code {"type": "stringFirst", "name", "fieldName", "timeColumn", "maxStringBytes"}}; values are cut to
 * {@code maxStringBytes} UTF-8 bytes (default 1024). See {@link FirstLastAggregatorFactory}. Immutable.
 */
public final class StringFirstAggregatorFactory extends FirstLastAggregatorFactory {
  @JsonCreator
  public StringFirstAggregatorFactory(@JsonProperty("name") String name, @JsonProperty("fieldName") String fieldName,
      @JsonProperty("timeColumn") String timeColumn, @JsonProperty("maxStringBytes") Integer maxStringBytes) {
    super("stringFirst", true, ValueType.STRING, name, fieldName, timeColumn, maxStringBytes);
  }

  @Override
  FirstLastAggregatorFactory copy(String name, String fieldName) {
    return new StringFirstAggregatorFactory(name, fieldName, getTimeColumn(), getMaxStringBytes());
  }
}
