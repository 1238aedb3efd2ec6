package io.kafkaindexing.query;

import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.kafkaindexing.query.dimension.DefaultDimensionSpec;
import io.kafkaindexing.query.filter.AndDimFilter;
import io.kafkaindexing.query.filter.InDimFilter;
import io.kafkaindexing.query.filter.NotDimFilter;
import io.kafkaindexing.query.filter.OrDimFilter;
import io.kafkaindexing.query.filter.SelectorDimFilter;
import io.kafkaindexing.query.search.AllSearchQuerySpec;
import io.kafkaindexing.query.search.ContainsSearchQuerySpec;
import io.kafkaindexing.query.search.FragmentSearchQuerySpec;
import io.kafkaindexing.query.search.InsensitiveContainsSearchQuerySpec;
import io.kafkaindexing.query.search.RegexSearchQuerySpec;
import io.kafkaindexing.query.search.SearchQuery;
import java.util.List;

/**
 * Registers the JSON type names of the native query model: query types ({@code queryType}),
 * search query specs, dimension specs and filters.
 */
public final class QueryJacksonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** The supported {@code queryType} names. */
  public static final List<String> QUERY_TYPES = List.of(SearchQuery.TYPE);

  public QueryJacksonModule() {
    super("QueryJacksonModule");
    registerSubtypes(new NamedType(SearchQuery.class, SearchQuery.TYPE));
    registerSubtypes(
        new NamedType(ContainsSearchQuerySpec.class, "contains"),
        new NamedType(InsensitiveContainsSearchQuerySpec.class, "insensitive_contains"),
        new NamedType(FragmentSearchQuerySpec.class, "fragment"),
        new NamedType(RegexSearchQuerySpec.class, "regex"),
        new NamedType(AllSearchQuerySpec.class, "all"));
    registerSubtypes(new NamedType(DefaultDimensionSpec.class, "default"));
    registerSubtypes(
        new NamedType(SelectorDimFilter.class, "selector"),
        new NamedType(InDimFilter.class, "in"),
        new NamedType(AndDimFilter.class, "and"),
        new NamedType(OrDimFilter.class, "or"),
        new NamedType(NotDimFilter.class, "not"));
  }
}
