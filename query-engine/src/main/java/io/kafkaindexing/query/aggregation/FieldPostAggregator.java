package io.kafkaindexing.query.aggregation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import java.util.Comparator;
import java.util.Objects;
import java.util.Set;

/**
 * Base of the post-aggregators that read one named value ({@code "name", "fieldName"}):
 * {@code fieldAccess}, {@code finalizingFieldAccess}, {@code hyperUniqueCardinality}. They depend on
 * that field only, order numbers naturally (nulls first), and are equal when of the same type with
 * the same name and field. Immutable.
 */
public abstract class FieldPostAggregator implements PostAggregator {
  private final String type;
  private final String name;
  private final String fieldName;

  protected FieldPostAggregator(String type, String name, String fieldName) {
    if (fieldName == null || fieldName.isEmpty()) {
      throw DruidException.invalidInput("Post-aggregator of type[%s] needs a field[fieldName]", type);
    }
    this.type = type;
    this.name = name;
    this.fieldName = fieldName;
  }

  @Override
  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public final String getName() {
    return name;
  }

  @JsonProperty
  public final String getFieldName() {
    return fieldName;
  }

  @Override
  public final Comparator<Object> getComparator() {
    return NumericComparators.NATURAL_NULLS_FIRST;
  }

  @Override
  public final Set<String> getDependentFields() {
    return Set.of(fieldName);
  }

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && Objects.equals(name, ((FieldPostAggregator) o).name)
        && fieldName.equals(((FieldPostAggregator) o).fieldName);
  }

  @Override
  public final int hashCode() {
    return Objects.hash(type, name, fieldName);
  }

  @Override
  public final String toString() {
    return type + "(" + fieldName + ")";
  }
}
