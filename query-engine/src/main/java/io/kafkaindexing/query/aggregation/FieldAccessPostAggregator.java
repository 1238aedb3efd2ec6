package io.kafkaindexing.query.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code {"type": "fieldAccess", "name", "fieldName"}}: the (non-finalized) value of an aggregator
 * or earlier post-aggregator. Immutable.
 */
public final class FieldAccessPostAggregator implements PostAggregator {
  private final String name;
  private final String fieldName;

  @JsonCreator
  public FieldAccessPostAggregator(@JsonProperty("name") String name, @JsonProperty("fieldName") String fieldName) {
    if (fieldName == null || fieldName.isEmpty()) {
      throw DruidException.invalidInput("Post-aggregator of type[fieldAccess] needs a field[fieldName]");
    }
    this.name = name;
    this.fieldName = fieldName;
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
    return values.get(fieldName);
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
  public boolean equals(Object o) {
    return o instanceof FieldAccessPostAggregator that && Objects.equals(name, that.name)
        && fieldName.equals(that.fieldName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, fieldName);
  }

  @Override
  public String toString() {
    return "fieldAccess(" + fieldName + ")";
  }
}
