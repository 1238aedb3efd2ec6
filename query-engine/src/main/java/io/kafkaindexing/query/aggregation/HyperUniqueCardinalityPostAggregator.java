package io.kafkaindexing.query.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.aggregation.HyperUniquesAggregatorFactory;
import java.util.Map;

/**
 * {@code {"type": "hyperUniqueCardinality", "name", "fieldName"}}: the cardinality estimate of a
 * {@code hyperUnique} or {@code cardinality} aggregator's sketch (rounded when that aggregator
 * rounds), so that arithmetic can use it. Naming any other aggregator is refused. Immutable.
 */
public final class HyperUniqueCardinalityPostAggregator extends FieldPostAggregator {
  public static final String TYPE = "hyperUniqueCardinality";

  private final AggregatorFactory aggregator;

  @JsonCreator
  public HyperUniqueCardinalityPostAggregator(@JsonProperty("name") String name,
      @JsonProperty("fieldName") String fieldName) {
    this(name, fieldName, null);
  }

  private HyperUniqueCardinalityPostAggregator(String name, String fieldName, AggregatorFactory aggregator) {
    super(TYPE, name, fieldName);
    this.aggregator = aggregator;
  }

  @Override
  public Object compute(Map<String, Object> values) {
    Object sketch = values.get(getFieldName());
    return aggregator == null || sketch == null ? null : aggregator.finalizeComputation(sketch);
  }

  @Override
  public PostAggregator decorate(Map<String, AggregatorFactory> aggregators) {
    AggregatorFactory field = aggregators.get(getFieldName());
    if (!(field instanceof HyperUniquesAggregatorFactory || field instanceof CardinalityAggregatorFactory)) {
      throw DruidException.invalidInput("Post-aggregator of type[hyperUniqueCardinality] needs a field[fieldName] "
          + "naming a hyperUnique or cardinality aggregator, got[%s]", getFieldName());
    }
    return new HyperUniqueCardinalityPostAggregator(getName(), getFieldName(), field);
  }
}
