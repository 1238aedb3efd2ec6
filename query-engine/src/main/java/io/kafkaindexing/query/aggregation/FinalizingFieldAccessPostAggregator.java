package io.kafkaindexing.query.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code {"type": "finalizingFieldAccess", "name", "fieldName"}}: the finalized value of an
 * aggregator (e.g. the estimate of a {@code cardinality}, the value of a {@code longFirst}); the
 * value as it is for a post-aggregator. Immutable.
 */
public final class FinalizingFieldAccessPostAggregator implements PostAggregator {
  private final String name;
  private final String fieldName;
  private final AggregatorFactory aggregator;

  @JsonCreator
  public FinalizingFieldAccessPostAggregator(@JsonProperty("name") String name,
      @JsonProperty("fieldName") String fieldName) {
    this(name, fieldName, null);
  }

  private FinalizingFieldAccessPostAggregator(String name, String fieldName, AggregatorFactory aggregator) {
    if (fieldName == null || fieldName.isEmpty()) {
      throw DruidException.invalidInput("Post-aggregator of type[finalizingFieldAccess] needs a field[fieldName]");
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
    Object value = values.get(fieldName);
    return aggregator == null ? value : aggregator.finalizeComputation(value);
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
    return new FinalizingFieldAccessPostAggregator(name, fieldName, aggregators.get(fieldName));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FinalizingFieldAccessPostAggregator that && Objects.equals(name, that.name)
        && fieldName.equals(that.fieldName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, fieldName);
  }

  @Override
  public String toString() {
    return "finalizingFieldAccess(" + fieldName + ")";
  }
}
