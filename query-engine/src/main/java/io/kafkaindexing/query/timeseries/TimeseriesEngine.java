package io.kafkaindexing.query.timeseries;

import io.kafkaindexing.query.QueryDeadline;
import io.kafkaindexing.query.QuerySegment;
import io.kafkaindexing.query.Result;
import io.kafkaindexing.query.aggregation.Aggregations;
import io.kafkaindexing.query.engine.ArrayKernels;
import io.kafkaindexing.query.engine.FilteredCursor;
import io.kafkaindexing.query.engine.TimeBuckets;
import io.kafkaindexing.segment.aggregation.Aggregator;
import io.kafkaindexing.segment.granularity.Granularity;
import io.kafkaindexing.segment.read.MetricFolder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.Interval;

/**
 * Runs a timeseries query on one segment, as Druid's timeseries engine: one result per bucket of
 * the query interval clipped to the segment's data (see {@link TimeBuckets}), with the
 * aggregators' intermediate values by name; buckets without rows are reported with empty
 * aggregates unless {@code skipEmptyBuckets}. Descending queries list buckets latest first; at most
 * {@code limit} results. Stateless.
 */
public final class TimeseriesEngine {
  public List<Result<Map<String, Object>>> run(TimeseriesQuery query, QuerySegment segment, QueryDeadline deadline) {
    Granularity granularity = query.getGranularity();
    Interval clipped = TimeBuckets.clip(segment, granularity);
    if (clipped == null) {
      return List.of();
    }
    Aggregations aggs = query.aggregations();
    boolean skipEmpty = query.isSkipEmptyBuckets();
    ArrayKernels kernels = ArrayKernels.plan(segment, query.getFilter(), query.virtualColumns(), aggs);
    if (kernels != null) {
      return runArrays(query, clipped, kernels, deadline);
    }
    if (query.getFilter() == null && (query.virtualColumns() == null || query.virtualColumns().isEmpty())) {
      MetricFolder folder = segment.view().metricFolder(segment.interval(), aggs.aggregators());
      if (folder != null) {
        return runFolder(query, clipped, folder, deadline);
      }
    }
    FilteredCursor cursor = new FilteredCursor(segment, query.getFilter(), query.virtualColumns(), deadline);
    List<Result<Map<String, Object>>> out = new ArrayList<>();
    int sinceCheck = 0;
    for (Interval bucket : granularity.getIterable(clipped)) {
      if (++sinceCheck % 1024 == 0) {
        deadline.check();
      }
      Aggregator[] aggregators = aggs.factorize(cursor.selectors());
      boolean empty = true;
      while (!cursor.isDone() && cursor.time() < bucket.getEndMillis()) {
        for (Aggregator a : aggregators) {
          a.aggregate();
        }
        empty = false;
        cursor.advance();
      }
      if (empty && skipEmpty) {
        continue;
      }
      Map<String, Object> values = new LinkedHashMap<>();
      for (int i = 0; i < aggregators.length; i++) {
        values.put(aggs.aggregators().get(i).getName(), aggregators[i].get());
      }
      out.add(new Result<>(bucket.getStartMillis(), values));
      if (!query.isDescending() && out.size() >= query.getLimit()) {
        break;
      }
    }
    return finish(query, out);
  }

  /** The same buckets with the aggregates folded over decoded column arrays ({@link ArrayKernels}). */
  private static List<Result<Map<String, Object>>> runArrays(TimeseriesQuery query, Interval clipped,
      ArrayKernels kernels, QueryDeadline deadline) {
    List<Result<Map<String, Object>>> out = new ArrayList<>();
    int at = 0;
    int sinceCheck = 0;
    for (Interval bucket : query.getGranularity().getIterable(clipped)) {
      if (++sinceCheck % 1024 == 0) {
        deadline.check();
      }
      int to = kernels.seek(at, bucket.getEndMillis());
      if (to == at && query.isSkipEmptyBuckets()) {
        continue;
      }
      Object[] aggregated = kernels.aggregate(at, to);
      at = to;
      if (addBucket(query, out, bucket.getStartMillis(), aggregated)) {
        break;
      }
    }
    return finish(query, out);
  }

  /**
   * The same buckets with the aggregates folded by the view's {@link MetricFolder} (an in-memory
   * index, no filter): the rows the cursor would visit, in its order.
   */
  private static List<Result<Map<String, Object>>> runFolder(TimeseriesQuery query, Interval clipped,
      MetricFolder folder, QueryDeadline deadline) {
    List<Result<Map<String, Object>>> out = new ArrayList<>();
    Object[] aggregated = new Object[query.aggregations().aggregators().size()];
    int sinceCheck = 0;
    for (Interval bucket : query.getGranularity().getIterable(clipped)) {
      if (++sinceCheck % 1024 == 0) {
        deadline.check();
      }
      boolean any = folder.foldUntil(bucket.getEndMillis(), aggregated);
      if (!any && query.isSkipEmptyBuckets()) {
        continue;
      }
      if (addBucket(query, out, bucket.getStartMillis(), aggregated)) {
        break;
      }
    }
    return finish(query, out);
  }

  /** Adds a bucket's result (intermediate values by aggregator name); true when the limit is reached. */
  private static boolean addBucket(TimeseriesQuery query, List<Result<Map<String, Object>>> out, long start,
      Object[] aggregated) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < aggregated.length; i++) {
      values.put(query.aggregations().aggregators().get(i).getName(), aggregated[i]);
    }
    out.add(new Result<>(start, values));
    return !query.isDescending() && out.size() >= query.getLimit();
  }

  private static List<Result<Map<String, Object>>> finish(TimeseriesQuery query, List<Result<Map<String, Object>>> out) {
    if (query.isDescending()) {
      Collections.reverse(out);
      if (out.size() > query.getLimit()) {
        return new ArrayList<>(out.subList(0, query.getLimit()));
      }
    }
    return out;
  }
}
