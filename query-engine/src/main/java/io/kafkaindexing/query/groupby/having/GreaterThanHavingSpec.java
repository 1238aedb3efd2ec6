package io.kafkaindexing.query.groupby.having;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"type": "greaterThan", "aggregation", "value"}}. Immutable. */
public final class GreaterThanHavingSpec extends NumericHavingSpec {
  @JsonCreator
  public GreaterThanHavingSpec(@JsonProperty("aggregation") String aggregation, @JsonProperty("value") Number value) {
    super("greaterThan", aggregation, value);
  }

  @Override
  boolean accept(int comparison) {
    return comparison > 0;
  }
}
