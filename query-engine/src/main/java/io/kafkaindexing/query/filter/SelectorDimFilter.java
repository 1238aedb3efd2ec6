package io.kafkaindexing.query.filter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.query.extraction.ExtractionFn;
import java.util.Collections;
import java.util.Objects;

/**
 * {@code {"type": "selector", "dimension", "value", "extractionFn"}}: rows whose dimension equals
 * value; a null value matches null and missing values. Numeric columns compare numerically.
 * Immutable.
 */
public final class SelectorDimFilter extends DimensionPredicateFilter {
  private final String value;
  private final ValueSetPredicate predicate;

  @JsonCreator
  public SelectorDimFilter(@JsonProperty("dimension") String dimension, @JsonProperty("value") String value,
      @JsonProperty("extractionFn") ExtractionFn extractionFn) {
    super("selector", dimension, extractionFn);
    this.value = value;
    this.predicate = new ValueSetPredicate(Collections.singleton(value));
  }

  public SelectorDimFilter(String dimension, String value) {
    this(dimension, value, null);
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public String getValue() {
    return value;
  }

  @Override
  protected ValuePredicate predicate() {
    return predicate;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SelectorDimFilter that && column().equals(that.column()) && Objects.equals(value, that.value)
        && Objects.equals(extractionFn(), that.extractionFn());
  }

  @Override
  public int hashCode() {
    return Objects.hash(column(), value, extractionFn());
  }

  @Override
  public String toString() {
    return column() + " = " + value;
  }
}
