package io.kafkaindexing.query.extraction;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.search.SearchQuerySpec;

/**
 * {@code {"type": "searchQuery", "query": <search query spec>}}: the value unchanged when the search
 * query spec ({@code contains}, {@code insensitive_contains}, {@code fragment}, {@code regex}...)
 * accepts it, otherwise null. Immutable.
 */
public final class SearchQuerySpecExtractionFn implements ExtractionFn {
  private final SearchQuerySpec query;

  @JsonCreator
  public SearchQuerySpecExtractionFn(@JsonProperty("query") SearchQuerySpec query) {
    if (query == null) {
      throw DruidException.invalidInput("Extraction function of type[searchQuery] needs a field[query]");
    }
    this.query = query;
  }

  @JsonProperty
  public SearchQuerySpec getQuery() {
    return query;
  }

  @Override
  public String apply(Object value) {
    String s = ExtractionFns.str(value);
    return s != null && !s.isEmpty() && query.accept(s) ? s : null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SearchQuerySpecExtractionFn that && query.equals(that.query);
  }

  @Override
  public int hashCode() {
    return query.hashCode();
  }
}
