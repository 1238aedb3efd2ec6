package io.kafkaindexing.query.timeseries;

import io.kafkaindexing.query.QueryContexts;
import io.kafkaindexing.query.Result;
import io.kafkaindexing.query.aggregation.Aggregations;
import io.kafkaindexing.query.engine.NullColumnSelectorFactory;
import io.kafkaindexing.segment.aggregation.Aggregator;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.granularity.AllGranularity;
import io.kafkaindexing.segment.granularity.Granularity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges per-segment timeseries results as Druid's Broker does: results in the same granularity
 * bucket combine (with {@code all}, everything combines and keeps the first segment's timestamp),
 * buckets are ordered by time (latest first when descending) and cut at {@code limit}. With
 * granularity {@code all} and no result, one row of empty aggregates is reported at the first query
 * interval's start (unless {@code skipEmptyBuckets}). A {@code grandTotal} row (timestamp null)
 * follows. Last, post-aggregators are computed from the raw aggregates and aggregates are
 * finalized; result maps are hash maps, as in Druid, so keys come in Druid's order. Stateless.
 */
public final class TimeseriesMerger {
  public List<Result<Map<String, Object>>> merge(TimeseriesQuery query,
      List<List<Result<Map<String, Object>>>> partials) {
    Aggregations aggs = query.aggregations();
    List<Result<Map<String, Object>>> rows = combine(query, partials);
    if (rows.size() > query.getLimit()) {
      rows = new ArrayList<>(rows.subList(0, query.getLimit()));
    }
    if (rows.isEmpty() && query.getGranularity() instanceof AllGranularity && !query.isSkipEmptyBuckets()) {
      long start = query.getIntervals().isEmpty() ? 0L : query.getIntervals().get(0).getStartMillis();
      rows.add(new Result<>(start, emptyAggregates(aggs)));
    }
    if (query.isGrandTotal()) {
      Map<String, Object> totals = new HashMap<>();
      for (AggregatorFactory a : aggs.aggregators()) {
        Object total = null;
        boolean first = true;
        for (Result<Map<String, Object>> r : rows) {
          Object v = r.getValue().get(a.getName());
          total = first ? v : a.combine(total, v);
          first = false;
        }
        totals.put(a.getName(), total);
      }
      rows.add(Result.withoutTimestamp(totals));
    }
    boolean finalize = QueryContexts.isFinalize(query.getContext());
    List<Result<Map<String, Object>>> out = new ArrayList<>(rows.size());
    for (Result<Map<String, Object>> r : rows) {
      out.add(r.hasTimestamp() ? new Result<>(r.getTimestampMillis(), finish(aggs, r.getValue(), finalize))
          : Result.withoutTimestamp(finish(aggs, r.getValue(), finalize)));
    }
    return out;
  }

  private static List<Result<Map<String, Object>>> combine(TimeseriesQuery query,
      List<List<Result<Map<String, Object>>>> partials) {
    Granularity granularity = query.getGranularity();
    boolean all = granularity instanceof AllGranularity;
    Comparator<Long> order = query.isDescending() ? Comparator.reverseOrder() : Comparator.naturalOrder();
    TreeMap<Long, Long> timestamps = new TreeMap<>(order);
    TreeMap<Long, Map<String, Object>> values = new TreeMap<>(order);
    for (List<Result<Map<String, Object>>> partial : partials) {
      for (Result<Map<String, Object>> r : partial) {
        long key = all ? 0L : granularity.bucketStart(r.getTimestampMillis());
        Map<String, Object> existing = values.get(key);
        if (existing == null) {
          values.put(key, new LinkedHashMap<>(r.getValue()));
          timestamps.put(key, r.getTimestampMillis());
        } else {
          query.aggregations().combineInto(existing, r.getValue());
          if (!all) {
            timestamps.put(key, key);
          } else if (query.isDescending()) {
            timestamps.put(key, r.getTimestampMillis());
          }
        }
      }
    }
    List<Result<Map<String, Object>>> rows = new ArrayList<>();
    values.forEach((key, v) -> rows.add(new Result<>(timestamps.get(key), v)));
    return rows;
  }

  private static Map<String, Object> emptyAggregates(Aggregations aggs) {
    Map<String, Object> values = new LinkedHashMap<>();
    Aggregator[] empty = aggs.factorize(NullColumnSelectorFactory.INSTANCE);
    for (int i = 0; i < empty.length; i++) {
      values.put(aggs.aggregators().get(i).getName(), empty[i].get());
    }
    return values;
  }

  /** Post-aggregates from the raw values, then finalizes the aggregates (unless not to), in a hash map as Druid. */
  private static Map<String, Object> finish(Aggregations aggs, Map<String, Object> base, boolean finalize) {
    Map<String, Object> values = new HashMap<>(base);
    aggs.computePostAggregators(values);
    if (finalize) {
      aggs.finalizeAggregators(values);
    }
    return values;
  }
}
