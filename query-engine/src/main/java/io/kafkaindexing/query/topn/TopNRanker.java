package io.kafkaindexing.query.topn;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

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

  /**
   * The first {@code threshold} of {@code entries} in rank order; entries that rank equal keep their
   * input order (as a stable sort would). The ranking keys are read from each entry once, and when
   * there are more entries than {@code threshold} the best are kept in a bounded heap rather than
   * sorting all: a segment of 10,000 users ranked for a merge threshold of 1,000 (bin/bench's topN)
   * spent a third of its time in map lookups inside a full sort's comparator.
   */
  List<Map<String, Object>> top(Collection<Map<String, Object>> entries, int threshold) {
    List<Map<String, Object>> candidates = new ArrayList<>(entries.size());
    for (Map<String, Object> e : entries) {
      if (!byDimension || previousStop == null || comparator.compare(dimString(e), previousStop) > 0) {
        candidates.add(e);
      }
    }
    int n = candidates.size();
    Object[] rankKeys = new Object[n];
    Object[] dimValues = new Object[n];
    for (int i = 0; i < n; i++) {
      Map<String, Object> e = candidates.get(i);
      rankKeys[i] = byDimension ? dimString(e) : e.get(metric);
      dimValues[i] = e.get(dimension);
    }
    // Rank order of candidate indexes: the ranking key, then the dimension value, then input order.
    Comparator<Integer> order = (x, y) -> {
      int c = byDimension ? comparator.compare(rankKeys[x], rankKeys[y]) : comparator.compare(rankKeys[y], rankKeys[x]);
      if (c == 0) {
        c = DIM_VALUES.compare(dimValues[x], dimValues[y]);
      }
      return c != 0 ? c : Integer.compare(x, y);
    };
    List<Integer> best;
    if (n <= threshold) {
      best = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        best.add(i);
      }
    } else {
      // Head: the worst index kept.
      PriorityQueue<Integer> kept = new PriorityQueue<>(threshold + 1, order.reversed());
      for (int i = 0; i < n; i++) {
        if (kept.size() < threshold) {
          kept.add(i);
        } else if (order.compare(i, kept.peek()) < 0) {
          kept.poll();
          kept.add(i);
        }
      }
      best = new ArrayList<>(kept);
    }
    best.sort(order);
    List<Map<String, Object>> out = new ArrayList<>(best.size());
    for (int i : best) {
      out.add(candidates.get(i));
    }
    return out;
  }

  /**
   * When ranking by a metric: the indexes of the best {@code threshold} groups (all when there are
   * fewer), in no particular order, given each group's metric value and the rank of its dimension
   * value among the groups' distinct values (ties are broken on it, as {@link #top} breaks them on
   * the values). These are exactly the groups {@link #top} keeps, so an engine can build result
   * entries for these alone.
   */
  int[] best(Object[] metricValues, int[] valueOrder, int threshold) {
    if (byDimension) {
      throw new IllegalStateException("best() ranks by a metric");
    }
    int n = metricValues.length;
    if (n <= threshold) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return all;
    }
    Comparator<Integer> order = (x, y) -> {
      int c = comparator.compare(metricValues[y], metricValues[x]);
      if (c == 0) {
        c = Integer.compare(valueOrder[x], valueOrder[y]);
      }
      return c;
    };
    // Head: the worst index kept.
    PriorityQueue<Integer> kept = new PriorityQueue<>(threshold + 1, order.reversed());
    for (int i = 0; i < n; i++) {
      if (kept.size() < threshold) {
        kept.add(i);
      } else if (order.compare(i, kept.peek()) < 0) {
        kept.poll();
        kept.add(i);
      }
    }
    return kept.stream().mapToInt(Integer::intValue).toArray();
  }

  private String dimString(Map<String, Object> entry) {
    Object v = entry.get(dimension);
    return v == null ? null : v.toString();
  }
}
