package io.kafkaindexing.query.topn;

import io.kafkaindexing.query.engine.ArrayKernels;
import io.kafkaindexing.query.engine.CombiningColumns;
import io.kafkaindexing.query.engine.GroupColumns;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * One segment's topN entries of one time bucket (its best {@link TopNQuery#mergeThreshold()}, in
 * rank order when read as a list) kept compact: dimension values and the aggregates as primitive columns. As a list it
 * shows the entries {@link TopNEngine} builds (a new map per {@link #get}, the same map the map
 * path gives), so any consumer reads it as before; {@link TopNArrayMerge} merges these without
 * building maps but for the final rows. Made only when the metric is {@code count} or a simple
 * numeric aggregator and every aggregator is one of those (the array kernels' shape). Immutable.
 */
final class CompactTopN extends AbstractList<Map<String, Object>> implements RandomAccess {
  private final TopNQuery query;
  private final int metricIndex;
  /** The dimension values and their aggregates, row by row; in rank order once {@link #sorted}. */
  private String[] names;
  private GroupColumns columns;
  private boolean sorted;

  private CompactTopN(TopNQuery query, String[] names, GroupColumns columns, int metricIndex) {
    this.query = query;
    this.names = names;
    this.columns = columns;
    this.metricIndex = metricIndex;
  }

  /** The dimension values, in no particular order before the list is first read. */
  synchronized String[] names() {
    return names;
  }

  /** The aggregates of the rows of {@link #names()}. */
  synchronized GroupColumns columns() {
    return columns;
  }

  /**
   * True when {@code query}'s entries may be kept compact: ranking by a primitive metric (see
   * {@link TopNRanker#ranksByPrimitiveMetric}), mergeable aggregators, and a dimension output name
   * no aggregator shares (the entry maps would otherwise hold one of them only).
   */
  static boolean applies(TopNQuery query, TopNRanker ranker) {
    if (!ranker.ranksByPrimitiveMetric() || !CombiningColumns.supports(query.getAggregatorSpecs())) {
      return false;
    }
    String dimension = query.getDimension().getOutputName();
    for (AggregatorFactory a : query.getAggregatorSpecs()) {
      if (a.getName().equals(dimension)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The best {@link TopNQuery#mergeThreshold()} groups of {@code groups}: chosen by metric then
   * dictionary id (as {@link TopNRanker#best}), values looked up and aggregates copied for those
   * only; put in rank order when first read as a list.
   */
  static CompactTopN of(TopNQuery query, ArrayKernels kernels, ArrayKernels.Groups groups, int metricIndex) {
    int[] ids = groups.ids();
    int n = ids.length;
    int kept = Math.min(n, query.mergeThreshold());
    long[] nonNullKeys = groups.inIdOrder() ? groups.nonNullRankKeys(metricIndex) : null;
    if (nonNullKeys != null) {
      // ids ascend (id order): the tie-break's order already, so no comparisons are needed
      return of(query, kernels, groups, metricIndex, RankOrder.bestOfOrdered(nonNullKeys, n, kept));
    }
    long[] keys = new long[n];
    boolean[] nulls = new boolean[n];
    groups.rankKeys(metricIndex, keys, nulls);
    int[] rows = new int[n];
    for (int k = 0; k < n; k++) {
      rows[k] = k;
    }
    new RankOrder(keys, nulls, null, ids).select(rows, n, kept);
    return of(query, kernels, groups, metricIndex, Arrays.copyOf(rows, kept));
  }

  /** The groups at positions {@code kept} of {@code groups.ids()}: values looked up, aggregates copied. */
  private static CompactTopN of(TopNQuery query, ArrayKernels kernels, ArrayKernels.Groups groups, int metricIndex,
      int[] kept) {
    int[] ids = groups.ids();
    int[] keptIds = new int[kept.length];
    String[] names = new String[kept.length];
    for (int k = 0; k < kept.length; k++) {
      keptIds[k] = ids[kept[k]];
      names[k] = kernels.lookupName(query.getDimension(), keptIds[k]);
    }
    return new CompactTopN(query, names, groups.columns(keptIds, kept.length), metricIndex);
  }

  /**
   * Puts the entries in rank order (metric, then value: as {@link TopNRanker#top}) when first read
   * as a list; the merge on primitives needs the set only.
   */
  private synchronized void sortOnce() {
    if (sorted) {
      return;
    }
    int n = names.length;
    long[] keys = new long[n];
    boolean[] nulls = new boolean[n];
    int[] order = new int[n];
    for (int k = 0; k < n; k++) {
      nulls[k] = columns.isNull(metricIndex, k);
      keys[k] = nulls[k] ? 0 : columns.rankKey(metricIndex, k);
      order[k] = k;
    }
    new RankOrder(keys, nulls, names, null).sort(order, n);
    String[] sortedNames = new String[n];
    for (int k = 0; k < n; k++) {
      sortedNames[k] = names[order[k]];
    }
    names = sortedNames;
    columns = columns.select(order, n);
    sorted = true;
  }

  @Override
  public Map<String, Object> get(int index) {
    sortOnce();
    synchronized (this) {
      return TopNEngine.entry(query, names[index], columns.values(index), List.of());
    }
  }

  @Override
  public synchronized int size() {
    return names.length;
  }
}
