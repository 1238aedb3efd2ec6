package io.kafkaindexing.query.filter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.query.extraction.ExtractionFn;

/**
 * A {@link PredicateFilter} of Druid's older form, naming its column {@code dimension} and taking an
 * optional {@code extractionFn} ({@code selector}, {@code in}, {@code bound}, {@code regex},
 * {@code search}): both written back as given, the function only when set. Immutable.
 */
public abstract class DimensionPredicateFilter extends PredicateFilter {
  protected DimensionPredicateFilter(String type, String dimension, ExtractionFn extractionFn) {
    super(type, "dimension", dimension, extractionFn);
  }

  @JsonProperty
  public final String getDimension() {
    return column();
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public final ExtractionFn getExtractionFn() {
    return extractionFn();
  }
}
