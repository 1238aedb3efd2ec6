package io.kafkaindexing.query.topn;

import io.kafkaindexing.query.QueryDeadline;
import io.kafkaindexing.query.QuerySegment;
import io.kafkaindexing.query.Result;
import io.kafkaindexing.query.aggregation.Aggregations;
import io.kafkaindexing.query.aggregation.PostAggregator;
import io.kafkaindexing.query.dimension.DimensionReader;
import io.kafkaindexing.query.engine.FilteredCursor;
import io.kafkaindexing.query.engine.TimeBuckets;
import io.kafkaindexing.segment.aggregation.Aggregator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.joda.time.Interval;

/**
 * Runs a topN query on one segment: per time bucket (as {@link io.kafkaindexing.query.engine.TimeBuckets}),
 * aggregates the rows of each dimension value (each value of a multi-value row, repeats included)
 * and keeps the segment's top {@link TopNQuery#mergeThreshold()} values. Entries are hash maps
 * sized and filled as Druid's result builders fill them (dimension, aggregators, and when ranking by
 * a post-aggregator, the post-aggregators it needs), so keys come in Druid's order. Buckets without
 * rows give an empty list. Stateless.
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
    FilteredCursor cursor = new FilteredCursor(segment, query.getFilter(), query.virtualColumns(), deadline);
    DimensionReader reader = new DimensionReader(query.getDimension(), cursor.selectors());
    List<Result<List<Map<String, Object>>>> out = new ArrayList<>();
    for (Interval bucket : query.getGranularity().getIterable(clipped)) {
      deadline.check();
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
      groups.forEach((key, aggregators) -> entries.add(entry(query, key.value(), aggregators, pruned)));
      out.add(new Result<>(bucket.getStartMillis(), ranker.top(entries, query.mergeThreshold())));
    }
    return out;
  }

  private static Map<String, Object> entry(TopNQuery query, Object dimValue, Aggregator[] aggregators,
      List<PostAggregator> pruned) {
    int n = aggregators.length;
    Map<String, Object> values = new HashMap<>(guavaCapacity(n + pruned.size() + 1));
    values.put(query.getDimension().getOutputName(), dimValue);
    // Druid unrolls this loop by eight: the first n % 8 aggregators are put last to first.
    int extra = n % 8;
    for (int i = extra - 1; i >= 0; i--) {
      values.put(query.getAggregatorSpecs().get(i).getName(), aggregators[i].get());
    }
    for (int i = extra; i < n; i++) {
      values.put(query.getAggregatorSpecs().get(i).getName(), aggregators[i].get());
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
