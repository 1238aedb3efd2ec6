package io.kafkaindexing.query.filter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.extraction.ExtractionFn;
import io.kafkaindexing.query.search.SearchQuerySpec;
import java.util.Objects;

/**
 * {@code {"type": "search", "dimension", "query", "extractionFn"}}: rows with a value the search
 * query spec accepts ({@code contains}, {@code insensitive_contains}, {@code fragment}, ...). Null
 * is unknown; numbers are matched by their text. Immutable.
 */
public final class SearchQueryDimFilter extends DimensionPredicateFilter {
  private final SearchQuerySpec query;
  private final ValuePredicate predicate;

  @JsonCreator
  public SearchQueryDimFilter(@JsonProperty("dimension") String dimension,
      @JsonProperty("query") SearchQuerySpec query, @JsonProperty("extractionFn") ExtractionFn extractionFn) {
    super("search", dimension, extractionFn);
    if (query == null) {
      throw DruidException.invalidInput("Filter of type[search] needs a field[query]");
    }
    this.query = query;
    this.predicate = value -> value == null ? Tri.UNKNOWN : Tri.of(query.accept(value));
  }

  @JsonProperty
  public SearchQuerySpec getQuery() {
    return query;
  }

  @Override
  protected ValuePredicate predicate() {
    return predicate;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SearchQueryDimFilter that && column().equals(that.column()) && query.equals(that.query)
        && Objects.equals(extractionFn(), that.extractionFn());
  }

  @Override
  public int hashCode() {
    return Objects.hash(column(), query, extractionFn());
  }

  @Override
  public String toString() {
    return column() + " search " + query;
  }
}
