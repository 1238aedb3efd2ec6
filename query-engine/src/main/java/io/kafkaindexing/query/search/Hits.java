package io.kafkaindexing.query.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts per (dimension, value) in first-found order, up to a number of distinct hits; then sorts
 * them with the query's hit order and cuts them at that number. Not thread-safe.
 */
final class Hits {
  /** Breaks ties the sort leaves (e.g. "a" and "A" for alphanumeric) so results are deterministic. */
  static final Comparator<SearchHit> TIE_BREAK =
      Comparator.comparing(SearchHit::value, Comparator.nullsFirst(Comparator.<String>naturalOrder()));

  private final int limit;
  private final Map<Key, Integer> counts = new LinkedHashMap<>();

  Hits(int limit) {
    this.limit = limit;
  }

  boolean full() {
    return counts.size() >= limit;
  }

  void add(String dimension, String value, int count) {
    counts.merge(new Key(dimension, value), count, Integer::sum);
  }

  /** The hits in {@code sort} order, at most the limit. */
  List<SearchHit> sorted(SearchSortSpec sort) {
    List<SearchHit> hits = new ArrayList<>(counts.size());
    counts.forEach((k, c) -> hits.add(new SearchHit(k.dimension(), k.value(), c)));
    return sortAndCut(hits, sort, limit);
  }

  static List<SearchHit> sortAndCut(List<SearchHit> hits, SearchSortSpec sort, int limit) {
    hits.sort(sort.hitComparator().thenComparing(TIE_BREAK));
    return hits.size() > limit ? new ArrayList<>(hits.subList(0, limit)) : hits;
  }

  /** A hit's identity. */
  record Key(String dimension, String value) {}
}
