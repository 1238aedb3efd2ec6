package io.kafkaindexing.query.topn;

import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.aggregation.CountAggregatorFactory;
import io.kafkaindexing.segment.aggregation.SimpleNumericAggregatorFactory;
import io.kafkaindexing.segment.column.ValueType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntBinaryOperator;

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
  private final int numericKeys;

  TopNRanker(TopNQuery query) {
    this.dimension = query.getDimension().getOutputName();
    this.metric = query.getMetric().getMetricName(query.getDimension());
    this.byDimension = query.getMetric().ranksByDimension();
    this.comparator = query.getMetric().comparator(query.aggregations());
    this.previousStop = query.getMetric().previousStop();
    this.numericKeys = numericKeys(query);
  }

  /**
   * How metric values compare when the metric is an aggregator with a known comparator: 1 for
   * {@code Long.compare} of long values ({@code count}, {@code long*}), 2 for {@code Double.compare}
   * of double values ({@code double*}, {@code float*}), nulls first in both; 0 otherwise.
   */
  private static int numericKeys(TopNQuery query) {
    if (query.getMetric().getClass() != NumericTopNMetricSpec.class) {
      return 0;
    }
    AggregatorFactory a = query.aggregations().aggregator(query.getMetric().getMetricName(query.getDimension()));
    if (a != null && a.getClass() == CountAggregatorFactory.class) {
      return 1;
    }
    if (a instanceof SimpleNumericAggregatorFactory s) {
      return s.kind().type() == ValueType.LONG ? 1 : 2;
    }
    return 0;
  }

  /**
   * The metric order of indexes {@code x}, {@code y} into {@code values} (best first: descending,
   * nulls last) with primitive comparisons, or null when the values are not all of the expected type
   * (then the comparator is used).
   */
  private IntBinaryOperator primitiveOrder(Object[] values) {
    int n = values.length;
    boolean[] nulls = new boolean[n];
    if (numericKeys == 1) {
      long[] keys = new long[n];
      for (int i = 0; i < n; i++) {
        Object v = values[i];
        if (v == null) {
          nulls[i] = true;
        } else if (v instanceof Long l) {
          keys[i] = l;
        } else {
          return null;
        }
      }
      return (x, y) -> nulls[x] || nulls[y] ? Boolean.compare(nulls[x], nulls[y]) : Long.compare(keys[y], keys[x]);
    }
    if (numericKeys == 2) {
      double[] keys = new double[n];
      for (int i = 0; i < n; i++) {
        Object v = values[i];
        if (v == null) {
          nulls[i] = true;
        } else if (v instanceof Number d) {
          keys[i] = d.doubleValue();
        } else {
          return null;
        }
      }
      return (x, y) -> nulls[x] || nulls[y] ? Boolean.compare(nulls[x], nulls[y]) : Double.compare(keys[y], keys[x]);
    }
    return null;
  }

  /**
   * The indexes {@code 0..n-1} best under {@code order} (a total order), at most {@code threshold}
   * of them, in no particular order: a bounded binary heap whose head is the worst kept.
   */
  private static int[] select(int n, IntBinaryOperator order, int threshold) {
    if (n <= threshold) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return all;
    }
    int[] heap = new int[threshold];
    int size = 0;
    for (int i = 0; i < n; i++) {
      if (size < threshold) {
        // sift up: parents are worse than (or as bad as) children
        int at = size++;
        while (at > 0) {
          int parent = (at - 1) >>> 1;
          if (order.applyAsInt(heap[parent], i) >= 0) {
            break;
          }
          heap[at] = heap[parent];
          at = parent;
        }
        heap[at] = i;
      } else if (threshold > 0 && order.applyAsInt(i, heap[0]) < 0) {
        int at = 0;
        while (true) {
          int child = 2 * at + 1;
          if (child >= size) {
            break;
          }
          if (child + 1 < size && order.applyAsInt(heap[child + 1], heap[child]) > 0) {
            child++;
          }
          if (order.applyAsInt(heap[child], i) <= 0) {
            break;
          }
          heap[at] = heap[child];
          at = child;
        }
        heap[at] = i;
      }
    }
    return java.util.Arrays.copyOf(heap, size);
  }

  boolean ranksByDimension() {
    return byDimension;
  }

  /**
   * True when the metric is {@code count} or a simple numeric aggregator ranked by a plain numeric
   * spec: then {@link RankOrder} over its values ranks as {@link #top} and {@link #best} do.
   */
  boolean ranksByPrimitiveMetric() {
    return numericKeys != 0;
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
    IntBinaryOperator keys = byDimension ? null : primitiveOrder(rankKeys);
    IntBinaryOperator order = (x, y) -> {
      int c = keys != null ? keys.applyAsInt(x, y)
          : byDimension ? comparator.compare(rankKeys[x], rankKeys[y]) : comparator.compare(rankKeys[y], rankKeys[x]);
      if (c == 0) {
        c = DIM_VALUES.compare(dimValues[x], dimValues[y]);
      }
      return c != 0 ? c : Integer.compare(x, y);
    };
    List<Integer> best = new ArrayList<>(Math.min(n, threshold));
    for (int i : select(n, order, threshold)) {
      best.add(i);
    }
    best.sort(order::applyAsInt);
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
    IntBinaryOperator keys = primitiveOrder(metricValues);
    IntBinaryOperator order = (x, y) -> {
      int c = keys != null ? keys.applyAsInt(x, y) : comparator.compare(metricValues[y], metricValues[x]);
      if (c == 0) {
        c = Integer.compare(valueOrder[x], valueOrder[y]);
      }
      return c;
    };
    return select(n, order, threshold);
  }

  private String dimString(Map<String, Object> entry) {
    Object v = entry.get(dimension);
    return v == null ? null : v.toString();
  }
}
