package io.kafkaindexing.query.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code {"type": "doubleGreatest", "name", "fields": [...]}}. Immutable. */
public final class DoubleGreatestPostAggregator extends GreatestLeastPostAggregator {
  @JsonCreator
  public DoubleGreatestPostAggregator(@JsonProperty("name") String name, @JsonProperty("fields") List<PostAggregator> fields) {
    super("doubleGreatest", name, fields, true, false);
  }

  @Override
  GreatestLeastPostAggregator with(List<PostAggregator> fields) {
    return new DoubleGreatestPostAggregator(getName(), fields);
  }
}
