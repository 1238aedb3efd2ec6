package io.kafkaindexing.query.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** {@code {"type": "constant", "name", "value"}}: a number, as given (a long or a double). Immutable. */
public final class ConstantPostAggregator implements PostAggregator {
  private final String name;
  private final Number value;

  @JsonCreator
  public ConstantPostAggregator(@JsonProperty("name") String name, @JsonProperty("value") Number value) {
    if (value == null) {
      throw DruidException.invalidInput("Post-aggregator of type[constant] needs a numeric field[value]");
    }
    this.name = name;
    this.value = value instanceof Integer || value instanceof Short || value instanceof Byte
        ? (Number) value.longValue() : value instanceof Float f ? (Number) f.doubleValue() : value;
  }

  @Override
  @JsonProperty
  public String getName() {
    return name;
  }

  @JsonProperty("value")
  public Number getConstantValue() {
    return value;
  }

  @Override
  public Object compute(Map<String, Object> values) {
    return value;
  }

  @Override
  public Comparator<Object> getComparator() {
    return NumericComparators.NATURAL_NULLS_FIRST;
  }

  @Override
  public Set<String> getDependentFields() {
    return Set.of();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConstantPostAggregator that && Objects.equals(name, that.name) && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, value);
  }

  @Override
  public String toString() {
    return "constant(" + value + ")";
  }
}
