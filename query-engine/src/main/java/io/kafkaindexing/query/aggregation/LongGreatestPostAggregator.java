package io.kafkaindexing.query.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code {"type": "longGreatest", "name", "fields": [...]}}. Immutable. */
public final class LongGreatestPostAggregator extends GreatestLeastPostAggregator {
  @JsonCreator
  public LongGreatestPostAggregator(@JsonProperty("name") String name, @JsonProperty("fields") List<PostAggregator> fields) {
    super("longGreatest", name, fields, true, true);
  }

  @Override
  GreatestLeastPostAggregator with(List<PostAggregator> fields) {
    return new LongGreatestPostAggregator(getName(), fields);
  }
}
