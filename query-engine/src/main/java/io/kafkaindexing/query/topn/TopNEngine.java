package io.kafkaindexing.query.topn;

import io.kafkaindexing.query.QueryDeadline;
import io.kafkaindexing.query.QuerySegment;
import io.kafkaindexing.query.Result;
import io.kafkaindexing.query.aggregation.Aggregations;
import io.kafkaindexing.query.aggregation.PostAggregator;
import io.kafkaindexing.query.dimension.DimensionReader;
import io.kafkaindexing.query.dimension.FixedDictionarySelectors;
import io.kafkaindexing.query.engine.ArrayKernels;
import io.kafkaindexing.query.engine.FilteredCursor;
import io.kafkaindexing.query.engine.IdSlotAggregators;
import io.kafkaindexing.query.engine.TimeBuckets;
import io.kafkaindexing.segment.aggregation.Aggregator;
import io.kafkaindexing.segment.column.DimensionSelector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import org.joda.time.Interval;

/**
 * Runs a topN query on one segment: per time bucket (as {@link io.kafkaindexing.query.engine.TimeBuckets}),
 * aggregates the rows of each dimension value (each value of a multi-value row, repeats included)
 * and keeps the segment's top {@link TopNQuery#mergeThreshold()} values. Entries are hash maps
 * sized and filled as Druid's result builders fill them (dimension, aggregators, and when ranking by
 * a post-aggregator, the post-aggregators it needs), so keys come in Druid's order. Buckets without
 * rows give an empty list. On a column with a fixed dictionary (persisted segments) rows are
 * aggregated per dictionary id in an array and values are looked up only for the entries built
 * (Druid's pooled topN algorithms work on ids too). Stateless.
 */
public final class TopNEngine {
  public List<Result<List<Map<String, Object>>>> run(TopNQuery query, QuerySegment segment, QueryDeadline deadline) {
    Interval clipped = TimeBuckets.clip(segment, query.getGranularity());
    if (clipped == null) {
      return List.of();
    }
    TopNRanker ranker = new TopNRanker(query);
    Aggregations aggs = query.aggregations();
    List<PostAggregator> pruned = ranker.ranksByDimension() ? List.of()
        : aggs.postAggregatorsFor(query.getMetric().getMetricName(query.getDimension()));
    int metricIndex = ranker.ranksByDimension() || !pruned.isEmpty() ? -1
        : aggregatorIndex(query, query.getMetric().getMetricName(query.getDimension()));
    ArrayKernels kernels = ArrayKernels.plan(segment, query.getFilter(), query.virtualColumns(), aggs);
    int[] dictionaryIds = kernels == null ? null : kernels.dictionaryIds(query.getDimension());
    if (dictionaryIds != null) {
      return runArrays(query, clipped, kernels, dictionaryIds, ranker, metricIndex, pruned, deadline);
    }
    FilteredCursor cursor = new FilteredCursor(segment, query.getFilter(), query.virtualColumns(), deadline);
    DimensionSelector ids = FixedDictionarySelectors.forGrouping(query.getDimension(), cursor.selectors());
    DimensionReader reader = ids != null ? null : new DimensionReader(query.getDimension(), cursor.selectors());
    List<Result<List<Map<String, Object>>>> out = new ArrayList<>();
    for (Interval bucket : query.getGranularity().getIterable(clipped)) {
      deadline.check();
      if (ids != null) {
        List<Map<String, Object>> entries = byIds(query, cursor, ids, bucket.getEndMillis(), ranker, metricIndex, pruned);
        out.add(new Result<>(bucket.getStartMillis(), ranker.top(entries, query.mergeThreshold())));
        continue;
      }
      Map<Key, Aggregator[]> groups = new LinkedHashMap<>();
      while (!cursor.isDone() && cursor.time() < bucket.getEndMillis()) {
        for (Object value : reader.read()) {
          Aggregator[] aggregators = groups.computeIfAbsent(new Key(value), k -> aggs.factorize(cursor.selectors()));
          for (Aggregator a : aggregators) {
            a.aggregate();
          }
        }
        cursor.advance();
      }
      List<Map<String, Object>> entries = new ArrayList<>(groups.size());
      groups.forEach((key, aggregators) -> entries.add(entry(query, key.value(), values(aggregators), pruned)));
      out.add(new Result<>(bucket.getStartMillis(), ranker.top(entries, query.mergeThreshold())));
    }
    return out;
  }

  /**
   * The same buckets and entries with the groups aggregated over decoded column arrays
   * ({@link ArrayKernels}): one single-value dictionary column, aggregates per dictionary id, entries
   * built for the best groups only, exactly as {@link #byIds} builds them.
   */
  private static List<Result<List<Map<String, Object>>>> runArrays(TopNQuery query, Interval clipped,
      ArrayKernels kernels, int[] dictionaryIds, TopNRanker ranker, int metricIndex, List<PostAggregator> pruned,
      QueryDeadline deadline) {
    List<Result<List<Map<String, Object>>>> out = new ArrayList<>();
    int cardinality = kernels.cardinality(query.getDimension());
    boolean compact = metricIndex >= 0 && CompactTopN.applies(query, ranker);
    int at = 0;
    for (Interval bucket : query.getGranularity().getIterable(clipped)) {
      deadline.check();
      int to = kernels.seek(at, bucket.getEndMillis());
      ArrayKernels.Groups groups = kernels.aggregateByIds(at, to, dictionaryIds, cardinality, !compact);
      at = to;
      if (compact) {
        out.add(new Result<>(bucket.getStartMillis(), CompactTopN.of(query, kernels, groups, metricIndex)));
        continue;
      }
      int[] order = groups.ids();
      int n = order.length;
      int[] kept;
      if (metricIndex >= 0 && n > query.mergeThreshold()) {
        Object[] metricValues = new Object[n];
        int[] slots = new int[n];
        for (int k = 0; k < n; k++) {
          metricValues[k] = groups.value(metricIndex, order[k]);
          slots[k] = order[k] + 1;
        }
        kept = ranker.best(metricValues, slots, query.mergeThreshold());
      } else {
        kept = new int[n];
        for (int k = 0; k < n; k++) {
          kept[k] = k;
        }
      }
      List<Map<String, Object>> entries = new ArrayList<>(kept.length);
      for (int k : kept) {
        entries.add(entry(query, kernels.lookupName(query.getDimension(), order[k]), groups.values(order[k]), pruned));
      }
      out.add(new Result<>(bucket.getStartMillis(), ranker.top(entries, query.mergeThreshold())));
    }
    return out;
  }

  /**
   * The bucket's groups aggregated per dictionary id (slot id + 1, so the -1 of an empty row has a
   * slot), values looked up only for the entries built: when ranking by an aggregator, only the
   * best {@link TopNQuery#mergeThreshold()} groups (ids stand for distinct values, so these are the
   * entries {@link TopNRanker#top} would keep from all of them).
   */
  private static List<Map<String, Object>> byIds(TopNQuery query, FilteredCursor cursor, DimensionSelector ids,
      long end, TopNRanker ranker, int metricIndex, List<PostAggregator> pruned) {
    IdSlotAggregators slots = new IdSlotAggregators(query.aggregations(), ids.getValueCardinality());
    while (!cursor.isDone() && cursor.time() < end) {
      slots.aggregate(ids.getRow(), cursor.selectors());
      cursor.advance();
    }
    int groups = slots.groups();
    int[] order = slots.order();
    IntFunction<Object> name = k -> order[k] == 0 ? null : ids.lookupName(order[k] - 1);
    int[] kept;
    if (metricIndex >= 0 && groups > query.mergeThreshold()) {
      Object[] metricValues = new Object[groups];
      for (int k = 0; k < groups; k++) {
        metricValues[k] = slots.aggregators(order[k])[metricIndex].get();
      }
      // Slots ascend with the values (a fixed dictionary is sorted; slot 0, the -1 of an empty row, is null).
      kept = ranker.best(metricValues, Arrays.copyOf(order, groups), query.mergeThreshold());
    } else {
      kept = new int[groups];
      for (int k = 0; k < groups; k++) {
        kept[k] = k;
      }
    }
    List<Map<String, Object>> entries = new ArrayList<>(kept.length);
    for (int k : kept) {
      entries.add(entry(query, name.apply(k), slots.values(order[k]), pruned));
    }
    return entries;
  }

  /** The index of the only aggregator named {@code name}, or -1 (a post-aggregator, an unknown or a repeated name). */
  static int aggregatorIndex(TopNQuery query, String name) {
    int found = -1;
    for (int i = 0; i < query.getAggregatorSpecs().size(); i++) {
      if (query.getAggregatorSpecs().get(i).getName().equals(name)) {
        if (found >= 0) {
          return -1;
        }
        found = i;
      }
    }
    return found;
  }

  private static Object[] values(Aggregator[] aggregators) {
    Object[] values = new Object[aggregators.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = aggregators[i].get();
    }
    return values;
  }

  static Map<String, Object> entry(TopNQuery query, Object dimValue, Object[] aggregated,
      List<PostAggregator> pruned) {
    int n = aggregated.length;
    Map<String, Object> values = new HashMap<>(guavaCapacity(n + pruned.size() + 1));
    values.put(query.getDimension().getOutputName(), dimValue);
    // Druid unrolls this loop by eight: the first n % 8 aggregators are put last to first.
    int extra = n % 8;
    for (int i = extra - 1; i >= 0; i--) {
      values.put(query.getAggregatorSpecs().get(i).getName(), aggregated[i]);
    }
    for (int i = extra; i < n; i++) {
      values.put(query.getAggregatorSpecs().get(i).getName(), aggregated[i]);
    }
    for (PostAggregator p : pruned) {
      values.put(p.getName(), p.compute(values));
    }
    return values;
  }

  /** Guava's {@code Maps.newHashMapWithExpectedSize} capacity, which fixes the key order of Druid's maps. */
  static int guavaCapacity(int expected) {
    return expected < 3 ? expected + 1 : (int) (expected / 0.75f + 1.0f);
  }

  /** A dimension value as a map key (null allowed). */
  private record Key(Object value) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(value, k.value);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(value);
    }
  }
}
