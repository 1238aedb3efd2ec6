package io.kafkaindexing.query.groupby.having;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"type": "lessThan", "aggregation", "value"}}. Immutable. */
public final class LessThanHavingSpec extends NumericHavingSpec {
  @JsonCreator
  public LessThanHavingSpec(@JsonProperty("aggregation") String aggregation, @JsonProperty("value") Number value) {
    super("lessThan", aggregation, value);
  }

  @Override
  boolean accept(int comparison) {
    return comparison < 0;
  }
}
