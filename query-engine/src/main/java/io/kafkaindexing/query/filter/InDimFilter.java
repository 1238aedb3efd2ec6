package io.kafkaindexing.query.filter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.extraction.ExtractionFn;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code {"type": "in", "dimension", "values": [...], "extractionFn"}}: rows whose dimension is one
 * of the values (null among them matches null). Immutable.
 */
public final class InDimFilter extends DimensionPredicateFilter {
  private final Set<String> values;
  private final ValueSetPredicate predicate;

  @JsonCreator
  public InDimFilter(@JsonProperty("dimension") String dimension, @JsonProperty("values") List<String> values,
      @JsonProperty("extractionFn") ExtractionFn extractionFn) {
    super("in", dimension, extractionFn);
    if (values == null) {
      throw DruidException.invalidInput("Filter of type[in] needs a field[values]");
    }
    this.values = new LinkedHashSet<>(values);
    this.predicate = new ValueSetPredicate(this.values);
  }

  public InDimFilter(String dimension, List<String> values) {
    this(dimension, values, null);
  }

  @JsonProperty
  public List<String> getValues() {
    return new ArrayList<>(values);
  }

  @Override
  protected ValuePredicate predicate() {
    return predicate;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InDimFilter that && column().equals(that.column()) && values.equals(that.values)
        && Objects.equals(extractionFn(), that.extractionFn());
  }

  @Override
  public int hashCode() {
    return Objects.hash(column(), values, extractionFn());
  }

  @Override
  public String toString() {
    return column() + " in " + values;
  }
}
