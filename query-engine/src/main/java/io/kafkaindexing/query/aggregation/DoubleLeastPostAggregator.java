package io.kafkaindexing.query.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code {"type": "doubleLeast", "name", "fields": [...]}}. Immutable. */
public final class DoubleLeastPostAggregator extends GreatestLeastPostAggregator {
  @JsonCreator
  public DoubleLeastPostAggregator(@JsonProperty("name") String name, @JsonProperty("fields") List<PostAggregator> fields) {
    super("doubleLeast", name, fields, false, false);
  }

  @Override
  GreatestLeastPostAggregator with(List<PostAggregator> fields) {
    return new DoubleLeastPostAggregator(getName(), fields);
  }
}
