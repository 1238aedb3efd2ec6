package io.kafkaindexing.query.search;

import io.kafkaindexing.query.Result;
import io.kafkaindexing.segment.granularity.AllGranularity;
import io.kafkaindexing.segment.granularity.Granularity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges per-segment search results as Druid's Broker does. With granularity {@code all} every
 * partial result combines into one whose timestamp is the earliest partial's; otherwise partials
 * whose timestamps fall in the same granularity bucket combine (timestamp: the bucket start; a lone
 * partial keeps its own), buckets ascending. Combining sums the counts of equal (dimension, value)
 * hits and sorts by the query's sort then dimension; the list is cut at {@code min(limit, }{@value
 * SearchEngine#MAX_SEARCH_LIMIT}{@code )} for {@code all} only (Druid does not cut per bucket).
 * Stateless.
 */
public final class SearchResultMerger {
  public List<Result<SearchResultValue>> merge(SearchQuery query, List<Result<SearchResultValue>> partials) {
    if (partials.isEmpty()) {
      return List.of();
    }
    Granularity granularity = query.getGranularity();
    List<Result<SearchResultValue>> sorted = new ArrayList<>(partials);
    sorted.sort(Comparator.comparingLong(Result::getTimestampMillis));
    if (granularity instanceof AllGranularity) {
      int limit = Math.min(query.getLimit(), SearchEngine.MAX_SEARCH_LIMIT);
      return List.of(combine(sorted, sorted.get(0).getTimestampMillis(), query.getSort(), limit));
    }
    Map<Long, List<Result<SearchResultValue>>> buckets = new TreeMap<>();
    for (Result<SearchResultValue> r : sorted) {
      buckets.computeIfAbsent(granularity.bucketStart(r.getTimestampMillis()), k -> new ArrayList<>()).add(r);
    }
    List<Result<SearchResultValue>> out = new ArrayList<>(buckets.size());
    buckets.forEach((start, group) -> out.add(group.size() == 1 ? group.get(0)
        : combine(group, start, query.getSort(), Integer.MAX_VALUE)));
    return out;
  }

  private static Result<SearchResultValue> combine(List<Result<SearchResultValue>> group, long timestamp,
      SearchSortSpec sort, int limit) {
    Map<Hits.Key, Integer> counts = new LinkedHashMap<>();
    for (Result<SearchResultValue> r : group) {
      for (SearchHit hit : r.getValue().hits()) {
        counts.merge(new Hits.Key(hit.dimension(), hit.value()), hit.count(), Integer::sum);
      }
    }
    List<SearchHit> hits = new ArrayList<>(counts.size());
    counts.forEach((k, c) -> hits.add(new SearchHit(k.dimension(), k.value(), c)));
    return new Result<>(timestamp, new SearchResultValue(Hits.sortAndCut(hits, sort, limit)));
  }
}
