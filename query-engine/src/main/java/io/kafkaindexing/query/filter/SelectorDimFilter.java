package io.kafkaindexing.query.filter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.Objects;

/** {@code {"type": "selector", "dimension", "value"}}: rows whose dimension equals value (null matches null). */
public final class SelectorDimFilter extends ValueSetFilter {
  private final String value;

  @JsonCreator
  public SelectorDimFilter(@JsonProperty("dimension") String dimension, @JsonProperty("value") String value) {
    super("selector", dimension, Collections.singleton(value));
    this.value = value;
  }

  @JsonProperty
  public String getDimension() {
    return dimension();
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public String getValue() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SelectorDimFilter that && dimension().equals(that.dimension())
        && Objects.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dimension(), value);
  }

  @Override
  public String toString() {
    return dimension() + " = " + value;
  }
}
