package io.kafkaindexing.query.groupby.having;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.extraction.ExtractionFn;
import java.util.List;
import java.util.Objects;

/**
 * {@code {"type": "dimSelector", "dimension", "value", "extractionFn"}}: rows whose dimension (as a
 * string, after the extraction function) equals value; a null value matches null. Immutable.
 */
public final class DimSelectorHavingSpec implements HavingSpec {
  private final String dimension;
  private final String value;
  private final ExtractionFn extractionFn;

  @JsonCreator
  public DimSelectorHavingSpec(@JsonProperty("dimension") String dimension, @JsonProperty("value") String value,
      @JsonProperty("extractionFn") ExtractionFn extractionFn) {
    if (dimension == null || dimension.isEmpty()) {
      throw DruidException.invalidInput("Having spec of type[dimSelector] needs a field[dimension]");
    }
    this.dimension = dimension;
    this.value = value;
    this.extractionFn = extractionFn;
  }

  @JsonProperty
  public String getDimension() {
    return dimension;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public String getValue() {
    return value;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public ExtractionFn getExtractionFn() {
    return extractionFn;
  }

  @Override
  public boolean eval(HavingRow row) {
    Object raw = row.columns().get(dimension);
    List<?> values = raw instanceof List<?> list && !list.isEmpty() ? list : java.util.Collections.singletonList(raw);
    for (Object v : values) {
      String s = v == null ? null : v.toString();
      if (Objects.equals(extractionFn == null ? s : extractionFn.apply(s), value)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DimSelectorHavingSpec that && dimension.equals(that.dimension)
        && Objects.equals(value, that.value) && Objects.equals(extractionFn, that.extractionFn);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dimension, value, extractionFn);
  }
}
