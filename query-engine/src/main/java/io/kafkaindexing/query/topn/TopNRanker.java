package io.kafkaindexing.query.topn;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Picks and orders the top entries of one topN result as Druid's result builders do. Ranking by a
 * metric: metric values descending under the metric comparator, ties by dimension value ascending
 * (nulls first). Ranking by the dimension: dimension values (as strings) ascending under the
 * ordering, after {@code previousStop}. Stateless apart from its configuration; thread-safe.
 */
final class TopNRanker {
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final Comparator<Object> DIM_VALUES = Comparator.nullsFirst((a, b) -> ((Comparable) a).compareTo(b));

  private final String dimension;
  private final String metric;
  private final boolean byDimension;
  private final Comparator<Object> comparator;
  private final String previousStop;

  TopNRanker(TopNQuery query) {
    this.dimension = query.getDimension().getOutputName();
    this.metric = query.getMetric().getMetricName(query.getDimension());
    this.byDimension = query.getMetric().ranksByDimension();
    this.comparator = query.getMetric().comparator(query.aggregations());
    this.previousStop = query.getMetric().previousStop();
  }

  boolean ranksByDimension() {
    return byDimension;
  }

  /** The first {@code threshold} of {@code entries} in rank order. */
  List<Map<String, Object>> top(Collection<Map<String, Object>> entries, int threshold) {
    List<Map<String, Object>> candidates = new ArrayList<>(entries.size());
    for (Map<String, Object> e : entries) {
      if (!byDimension || previousStop == null || comparator.compare(dimString(e), previousStop) > 0) {
        candidates.add(e);
      }
    }
    Comparator<Map<String, Object>> order = byDimension
        ? (a, b) -> comparator.compare(dimString(a), dimString(b))
        : (Comparator<Map<String, Object>>) (a, b) -> comparator.compare(b.get(metric), a.get(metric));
    order = order.thenComparing(e -> e.get(dimension), DIM_VALUES);
    candidates.sort(order);
    return candidates.size() > threshold ? new ArrayList<>(candidates.subList(0, threshold)) : candidates;
  }

  private String dimString(Map<String, Object> entry) {
    Object v = entry.get(dimension);
    return v == null ? null : v.toString();
  }
}
