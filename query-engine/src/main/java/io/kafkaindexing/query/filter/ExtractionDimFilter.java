package io.kafkaindexing.query.filter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.extraction.ExtractionFn;
import java.util.Collections;
import java.util.Objects;

/**
 * {@code {"type": "extraction", "dimension", "value", "extractionFn"}}: Druid's deprecated form of a
 * {@code selector} with an extraction function; rows whose extracted value equals {@code value}
 * (null matching null). Immutable.
 */
public final class ExtractionDimFilter extends PredicateFilter {
  private final String value;
  private final ValuePredicate predicate;

  @JsonCreator
  public ExtractionDimFilter(@JsonProperty("dimension") String dimension, @JsonProperty("value") String value,
      @JsonProperty("extractionFn") ExtractionFn extractionFn) {
    super("extraction", "dimension", dimension, requireFn(extractionFn));
    this.value = value;
    this.predicate = new ValueSetPredicate(Collections.singleton(value));
  }

  private static ExtractionFn requireFn(ExtractionFn fn) {
    if (fn == null) {
      throw DruidException.invalidInput("Filter of type[extraction] needs a field[extractionFn]");
    }
    return fn;
  }

  @JsonProperty
  public String getDimension() {
    return column();
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public String getValue() {
    return value;
  }

  @JsonProperty
  public ExtractionFn getExtractionFn() {
    return extractionFn();
  }

  @Override
  protected ValuePredicate predicate() {
    return predicate;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExtractionDimFilter that && column().equals(that.column()) && Objects.equals(value, that.value)
        && extractionFn().equals(that.extractionFn());
  }

  @Override
  public int hashCode() {
    return Objects.hash(column(), value, extractionFn());
  }

  @Override
  public String toString() {
    return column() + " extracted = " + value;
  }
}
