package io.kafkaindexing.query.groupby.having;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"type": "equalTo", "aggregation", "value"}}. Immutable. */
public final class EqualToHavingSpec extends NumericHavingSpec {
  @JsonCreator
  public EqualToHavingSpec(@JsonProperty("aggregation") String aggregation, @JsonProperty("value") Number value) {
    super("equalTo", aggregation, value);
  }

  @Override
  boolean accept(int comparison) {
    return comparison == 0;
  }
}
