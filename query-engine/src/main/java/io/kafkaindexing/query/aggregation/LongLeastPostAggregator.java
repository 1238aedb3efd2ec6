package io.kafkaindexing.query.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code {"type": "longLeast", "name", "fields": [...]}}. Immutable. */
public final class LongLeastPostAggregator extends GreatestLeastPostAggregator {
  @JsonCreator
  public LongLeastPostAggregator(@JsonProperty("name") String name, @JsonProperty("fields") List<PostAggregator> fields) {
    super("longLeast", name, fields, false, true);
  }

  @Override
  GreatestLeastPostAggregator with(List<PostAggregator> fields) {
    return new LongLeastPostAggregator(getName(), fields);
  }
}
