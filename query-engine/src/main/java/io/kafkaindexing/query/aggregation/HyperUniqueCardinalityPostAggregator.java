package io.kafkaindexing.query.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.aggregation.HyperUniquesAggregatorFactory;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code {"type": "hyperUniqueCardinality", "name", "fieldName"}}: the cardinality estimate of a
 * {@code hyperUnique} or {@code cardinality} aggregator's sketch (rounded when that aggregator
 * rounds), so that arithmetic can use it. Naming any other aggregator is refused. Immutable.
 */
public final class HyperUniqueCardinalityPostAggregator implements PostAggregator {
  public static final String TYPE = "hyperUniqueCardinality";

  private final String name;
  private final String fieldName;
  private final AggregatorFactory aggregator;

  @JsonCreator
  public HyperUniqueCardinalityPostAggregator(@JsonProperty("name") String name,
      @JsonProperty("fieldName") String fieldName) {
    this(name, fieldName, null);
  }

  private HyperUniqueCardinalityPostAggregator(String name, String fieldName, AggregatorFactory aggregator) {
    if (fieldName == null || fieldName.isEmpty()) {
      throw DruidException.invalidInput("Post-aggregator of type[hyperUniqueCardinality] needs a field[fieldName]");
    }
    this.name = name;
    this.fieldName = fieldName;
    this.aggregator = aggregator;
  }

  @Override
  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public String getName() {
    return name;
  }

  @JsonProperty
  public String getFieldName() {
    return fieldName;
  }

  @Override
  public Object compute(Map<String, Object> values) {
    Object sketch = values.get(fieldName);
    return aggregator == null || sketch == null ? null : aggregator.finalizeComputation(sketch);
  }

  @Override
  public Comparator<Object> getComparator() {
    return NumericComparators.NATURAL_NULLS_FIRST;
  }

  @Override
  public Set<String> getDependentFields() {
    return Set.of(fieldName);
  }

  @Override
  public PostAggregator decorate(Map<String, AggregatorFactory> aggregators) {
    AggregatorFactory field = aggregators.get(fieldName);
    if (!(field instanceof HyperUniquesAggregatorFactory || field instanceof CardinalityAggregatorFactory)) {
      throw DruidException.invalidInput("Post-aggregator of type[hyperUniqueCardinality] needs a field[fieldName] "
          + "naming a hyperUnique or cardinality aggregator, got[%s]", fieldName);
    }
    return new HyperUniqueCardinalityPostAggregator(name, fieldName, field);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HyperUniqueCardinalityPostAggregator that && Objects.equals(name, that.name)
        && fieldName.equals(that.fieldName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, fieldName);
  }

  @Override
  public String toString() {
    return "hyperUniqueCardinality(" + fieldName + ")";
  }
}
