package io.kafkaindexing.query.search;

import io.kafkaindexing.query.QueryDeadline;
import io.kafkaindexing.query.QuerySegment;
import io.kafkaindexing.query.QueryToolkit;
import io.kafkaindexing.query.Result;
import java.util.List;

/** The {@code search} query type: {@link SearchEngine} per segment, {@link SearchResultMerger} across. */
public final class SearchToolkit implements QueryToolkit<SearchQuery, Result<SearchResultValue>> {
  private final SearchEngine engine = new SearchEngine();
  private final SearchResultMerger merger = new SearchResultMerger();

  @Override
  public boolean segmentsInParallel() {
    return true;
  }

  @Override
  public Class<SearchQuery> queryClass() {
    return SearchQuery.class;
  }

  @Override
  public Result<SearchResultValue> runOnSegment(SearchQuery query, QuerySegment segment, QueryDeadline deadline) {
    return engine.run(query, segment.view(), segment.interval(), deadline);
  }

  @Override
  public List<Result<SearchResultValue>> merge(SearchQuery query, List<Result<SearchResultValue>> partials) {
    return merger.merge(query, partials);
  }
}
