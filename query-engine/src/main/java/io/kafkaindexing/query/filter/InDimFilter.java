package io.kafkaindexing.query.filter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** {@code {"type": "in", "dimension", "values": [...]}}: rows whose dimension is one of the values. */
public final class InDimFilter extends ValueSetFilter {
  @JsonCreator
  public InDimFilter(@JsonProperty("dimension") String dimension, @JsonProperty("values") List<String> values) {
    super("in", dimension, new HashSet<>(requireValues(values)));
  }

  private static List<String> requireValues(List<String> values) {
    if (values == null) {
      throw DruidException.invalidInput("Filter of type[in] needs a field[values]");
    }
    return values;
  }

  @JsonProperty
  public String getDimension() {
    return dimension();
  }

  @JsonProperty
  public List<String> getValues() {
    return new ArrayList<>(values());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InDimFilter that && dimension().equals(that.dimension()) && values().equals(that.values());
  }

  @Override
  public int hashCode() {
    return Objects.hash(dimension(), values());
  }

  @Override
  public String toString() {
    return dimension() + " in " + values();
  }
}
