package io.kafkaindexing.query.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * {@code {"type": "fieldAccess", "name", "fieldName"}}: the (non-finalized) value of an aggregator
 * or earlier post-aggregator. Immutable.
 */
public final class FieldAccessPostAggregator extends FieldPostAggregator {
  @JsonCreator
  public FieldAccessPostAggregator(@JsonProperty("name") String name, @JsonProperty("fieldName") String fieldName) {
    super("fieldAccess", name, fieldName);
  }

  @Override
  public Object compute(Map<String, Object> values) {
    return values.get(getFieldName());
  }
}
