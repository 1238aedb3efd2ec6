package io.kafkaindexing.query.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import java.util.Map;

/**
 * {@code {"type": "finalizingFieldAccess", "name", "fieldName"}}: the finalized value of an
 * aggregator (e.g. the estimate of a {@code cardinality}, the value of a {@code longFirst}); the
 * value as it is for a post-aggregator. Immutable.
 */
public final class FinalizingFieldAccessPostAggregator extends FieldPostAggregator {
  private final AggregatorFactory aggregator;

  @JsonCreator
  public FinalizingFieldAccessPostAggregator(@JsonProperty("name") String name,
      @JsonProperty("fieldName") String fieldName) {
    this(name, fieldName, null);
  }

  private FinalizingFieldAccessPostAggregator(String name, String fieldName, AggregatorFactory aggregator) {
    super("finalizingFieldAccess", name, fieldName);
    this.aggregator = aggregator;
  }

  @Override
  public Object compute(Map<String, Object> values) {
    Object value = values.get(getFieldName());
    return aggregator == null ? value : aggregator.finalizeComputation(value);
  }

  @Override
  public PostAggregator decorate(Map<String, AggregatorFactory> aggregators) {
    return new FinalizingFieldAccessPostAggregator(getName(), getFieldName(), aggregators.get(getFieldName()));
  }
}
