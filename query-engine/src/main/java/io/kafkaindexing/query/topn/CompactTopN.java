package io.kafkaindexing.query.topn;

import io.kafkaindexing.query.engine.ArrayKernels;
import io.kafkaindexing.query.engine.CombiningColumns;
import io.kafkaindexing.query.engine.GroupColumns;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * One segment's topN entries of one time bucket (its best {@link TopNQuery#mergeThreshold()}, in
 * rank order) kept compact: dimension values and the aggregates as primitive columns. As a list it
 * shows the entries {@link TopNEngine} builds (a new map per {@link #get}, the same map the map
 * path gives), so any consumer reads it as before; {@link TopNArrayMerge} merges these without
 * building maps but for the final rows. Made only when the metric is {@code count} or a simple
 * numeric aggregator and every aggregator is one of those (the array kernels' shape). Immutable.
 */
final class CompactTopN extends AbstractList<Map<String, Object>> implements RandomAccess {
  private final TopNQuery query;
  final String[] names;
  final GroupColumns columns;

  private CompactTopN(TopNQuery query, String[] names, GroupColumns columns) {
    this.query = query;
    this.names = names;
    this.columns = columns;
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
   * The best {@link TopNQuery#mergeThreshold()} groups of {@code groups} in rank order: chosen by
   * metric then dictionary id (as {@link TopNRanker#best}), values looked up for those only, then
   * ordered by metric and value (as {@link TopNRanker#top}).
   */
  static CompactTopN of(TopNQuery query, ArrayKernels kernels, ArrayKernels.Groups groups, int metricIndex) {
    int[] ids = groups.ids();
    int n = ids.length;
    GroupColumns all = groups.columns(ids, n);
    int[] rows = new int[n];
    long[] keys = new long[n];
    boolean[] nulls = new boolean[n];
    for (int k = 0; k < n; k++) {
      rows[k] = k;
      nulls[k] = all.isNull(metricIndex, k);
      keys[k] = nulls[k] ? 0 : all.rankKey(metricIndex, k);
    }
    int kept = Math.min(n, query.mergeThreshold());
    new RankOrder(keys, nulls, null, ids).select(rows, n, kept);
    // Re-rank the kept ones on their values, as candidates 0..kept-1.
    String[] names = new String[kept];
    long[] keptKeys = new long[kept];
    boolean[] keptNulls = new boolean[kept];
    int[] order = new int[kept];
    for (int k = 0; k < kept; k++) {
      names[k] = kernels.lookupName(query.getDimension(), ids[rows[k]]);
      keptKeys[k] = keys[rows[k]];
      keptNulls[k] = nulls[rows[k]];
      order[k] = k;
    }
    new RankOrder(keptKeys, keptNulls, names, null).sort(order, kept);
    String[] sortedNames = new String[kept];
    int[] sortedRows = new int[kept];
    for (int k = 0; k < kept; k++) {
      sortedNames[k] = names[order[k]];
      sortedRows[k] = rows[order[k]];
    }
    return new CompactTopN(query, sortedNames, all.select(sortedRows, kept));
  }

  @Override
  public Map<String, Object> get(int index) {
    return TopNEngine.entry(query, names[index], columns.values(index), List.of());
  }

  @Override
  public int size() {
    return names.length;
  }
}
