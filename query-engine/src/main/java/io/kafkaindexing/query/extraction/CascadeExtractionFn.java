package io.kafkaindexing.query.extraction;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import java.util.List;

/** {@code {"type": "cascade", "extractionFns": [...]}}: the functions applied in order. Immutable. */
public final class CascadeExtractionFn implements ExtractionFn {
  private final List<ExtractionFn> extractionFns;

  @JsonCreator
  public CascadeExtractionFn(@JsonProperty("extractionFns") List<ExtractionFn> extractionFns) {
    if (extractionFns == null || extractionFns.isEmpty() || extractionFns.contains(null)) {
      throw DruidException.invalidInput("Extraction function of type[cascade] needs a non-empty field[extractionFns]");
    }
    this.extractionFns = List.copyOf(extractionFns);
  }

  @JsonProperty
  public List<ExtractionFn> getExtractionFns() {
    return extractionFns;
  }

  @Override
  public String apply(Object value) {
    Object v = value;
    for (ExtractionFn fn : extractionFns) {
      v = fn.apply(v);
    }
    return (String) v;
  }

  @Override
  public boolean isOneToOne() {
    return extractionFns.stream().allMatch(ExtractionFn::isOneToOne);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CascadeExtractionFn that && extractionFns.equals(that.extractionFns);
  }

  @Override
  public int hashCode() {
    return extractionFns.hashCode();
  }
}
