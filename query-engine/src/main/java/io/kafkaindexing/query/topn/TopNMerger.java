package io.kafkaindexing.query.topn;

import io.kafkaindexing.query.QueryContexts;
import io.kafkaindexing.query.Result;
import io.kafkaindexing.query.aggregation.Aggregations;
import io.kafkaindexing.query.aggregation.PostAggregator;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.granularity.AllGranularity;
import io.kafkaindexing.segment.granularity.Granularity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges per-segment topN results as Druid's Broker does: results in the same granularity bucket
 * (all of them with {@code all}, keeping the first one's timestamp) fold pairwise: a value present
 * in both sides gets its aggregates combined (and the ranking post-aggregators recomputed), then the
 * top {@link TopNQuery#mergeThreshold()} are kept. Finally each bucket is cut at the threshold, every
 * post-aggregator is computed from the raw aggregates and the aggregates are finalized. Compact
 * per-segment entries ({@link CompactTopN}) merge the same way on primitives ({@link TopNArrayMerge}).
 * Stateless.
 */
public final class TopNMerger {
  public List<Result<List<Map<String, Object>>>> merge(TopNQuery query,
      List<List<Result<List<Map<String, Object>>>>> partials) {
    if (TopNArrayMerge.applies(partials)) {
      return TopNArrayMerge.merge(query, partials);
    }
    Granularity granularity = query.getGranularity();
    boolean all = granularity instanceof AllGranularity;
    TopNRanker ranker = new TopNRanker(query);
    TreeMap<Long, Result<List<Map<String, Object>>>> buckets = new TreeMap<>();
    for (List<Result<List<Map<String, Object>>>> partial : partials) {
      for (Result<List<Map<String, Object>>> r : partial) {
        long key = all ? 0L : granularity.bucketStart(r.getTimestampMillis());
        Result<List<Map<String, Object>>> existing = buckets.get(key);
        buckets.put(key, existing == null ? r : fold(query, ranker, existing, r, all ? existing.getTimestampMillis()
            : granularity.bucketStart(existing.getTimestampMillis())));
      }
    }
    boolean finalize = QueryContexts.isFinalize(query.getContext());
    List<Result<List<Map<String, Object>>>> out = new ArrayList<>(buckets.size());
    for (Result<List<Map<String, Object>>> r : buckets.values()) {
      List<Map<String, Object>> top = r.getValue();
      List<Map<String, Object>> finished = new ArrayList<>();
      for (Map<String, Object> entry : top.subList(0, Math.min(top.size(), query.getThreshold()))) {
        finished.add(finish(query.aggregations(), entry, finalize));
      }
      out.add(new Result<>(r.getTimestampMillis(), finished));
    }
    return out;
  }

  private static Result<List<Map<String, Object>>> fold(TopNQuery query, TopNRanker ranker,
      Result<List<Map<String, Object>>> left, Result<List<Map<String, Object>>> right, long timestamp) {
    String dimension = query.getDimension().getOutputName();
    Aggregations aggs = query.aggregations();
    List<PostAggregator> pruned = ranker.ranksByDimension() ? List.of()
        : aggs.postAggregatorsFor(query.getMetric().getMetricName(query.getDimension()));
    Map<Object, Map<String, Object>> byValue = new LinkedHashMap<>();
    for (Map<String, Object> e : left.getValue()) {
      byValue.put(key(e.get(dimension)), e);
    }
    for (Map<String, Object> e : right.getValue()) {
      Object key = key(e.get(dimension));
      Map<String, Object> mine = byValue.get(key);
      if (mine == null) {
        byValue.put(key, e);
        continue;
      }
      Map<String, Object> combined = new LinkedHashMap<>(aggs.aggregators().size() + 2);
      combined.put(dimension, e.get(dimension));
      for (AggregatorFactory a : aggs.aggregators()) {
        combined.put(a.getName(), a.combine(mine.get(a.getName()), e.get(a.getName())));
      }
      for (PostAggregator p : pruned) {
        combined.put(p.getName(), p.compute(combined));
      }
      byValue.put(key, combined);
    }
    return new Result<>(timestamp, ranker.top(byValue.values(), query.mergeThreshold()));
  }

  private static final Object NULL_KEY = new Object();

  private static Object key(Object dimValue) {
    return dimValue == null ? NULL_KEY : dimValue;
  }

  /** Post-aggregates from the raw values, then finalizes the aggregates (unless not to); key order kept. */
  static Map<String, Object> finish(Aggregations aggs, Map<String, Object> entry, boolean finalize) {
    Map<String, Object> values = new LinkedHashMap<>(entry);
    aggs.computePostAggregators(values);
    if (finalize) {
      aggs.finalizeAggregators(values);
    }
    return values;
  }
}
