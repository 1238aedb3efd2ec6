package io.kafkaindexing.query.timeboundary;

import io.kafkaindexing.query.QueryDeadline;
import io.kafkaindexing.query.QuerySegment;
import io.kafkaindexing.query.QueryToolkit;
import io.kafkaindexing.query.Result;
import io.kafkaindexing.query.engine.FilteredCursor;
import io.kafkaindexing.segment.read.SegmentView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;

/**
 * The {@code timeBoundary} query type. Per segment: the first and last time of the rows in the
 * segment's query interval that match the filter (from the view's time bounds when the interval
 * covers the data and there is no filter). Across segments: the smallest minimum and largest
 * maximum, as {@code [{"timestamp": minTime (maxTime for bound maxTime), "result": {"minTime",
 * "maxTime"}}]} in a hash map as Druid builds it; {@code []} when no row matched. Stateless.
 */
public final class TimeBoundaryToolkit implements QueryToolkit<TimeBoundaryQuery, long[]> {
  @Override
  public Class<TimeBoundaryQuery> queryClass() {
    return TimeBoundaryQuery.class;
  }

  @Override
  public long[] runOnSegment(TimeBoundaryQuery query, QuerySegment segment, QueryDeadline deadline) {
    SegmentView view = segment.view();
    Interval interval = segment.interval();
    if (query.getFilter() == null && interval.getStartMillis() <= view.getMinTime()
        && interval.getEndMillis() > view.getMaxTime()) {
      return new long[] {view.getMinTime(), view.getMaxTime()};
    }
    FilteredCursor cursor = new FilteredCursor(segment, query.getFilter(), null, deadline);
    if (cursor.isDone()) {
      return null;
    }
    long min = cursor.time();
    long max = min;
    for (; !cursor.isDone(); cursor.advance()) {
      max = Math.max(max, cursor.time());
    }
    return new long[] {min, max};
  }

  @Override
  public List<?> merge(TimeBoundaryQuery query, List<long[]> partials) {
    Long min = null;
    Long max = null;
    for (long[] p : partials) {
      if (p != null) {
        min = min == null ? p[0] : Math.min(min, p[0]);
        max = max == null ? p[1] : Math.max(max, p[1]);
      }
    }
    if (min == null) {
      return List.of();
    }
    Map<String, Object> result = new HashMap<>();
    if (query.wantsMin()) {
      result.put(TimeBoundaryQuery.MIN_TIME, new DateTime(min, DateTimeZone.UTC));
    }
    if (query.wantsMax()) {
      result.put(TimeBoundaryQuery.MAX_TIME, new DateTime(max, DateTimeZone.UTC));
    }
    return List.of(new Result<>(query.wantsMin() ? min : max, result));
  }
}
