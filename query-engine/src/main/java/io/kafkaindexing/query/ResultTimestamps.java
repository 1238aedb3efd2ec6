package io.kafkaindexing.query;

import io.kafkaindexing.query.groupby.GroupByQuery;
import io.kafkaindexing.query.groupby.GroupByResultRow;
import io.kafkaindexing.query.timeseries.TimeseriesQuery;
import io.kafkaindexing.query.topn.TopNQuery;
import io.kafkaindexing.segment.granularity.PeriodGranularity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/**
 * How result timestamps are written. Timeseries, topN and groupBy bucket timestamps are put in the
 * time zone of the query's {@code period} granularity, as Druid's granularity documentation
 * describes (a {@code P1D} bucket in {@code America/Los_Angeles} is
 * {@code 2013-08-31T00:00:00.000-07:00}); other granularities and query types keep UTC. With context
 * {@code serializeDateTimeAsLong}, every timestamp (the results' and the times inside a result
 * object, such as timeBoundary's {@code minTime}) is written as epoch millis instead. Stateless.
 */
final class ResultTimestamps {
  /** Context key: write result times as epoch millis. */
  static final String SERIALIZE_DATE_TIME_AS_LONG = "serializeDateTimeAsLong";

  private ResultTimestamps() {}

  /** {@code results} written as the query asks; {@code results} itself when nothing changes. */
  static List<?> apply(Query query, List<?> results) {
    DateTimeZone zone = zone(query);
    boolean asMillis = QueryContexts.getBoolean(query.getContext(), SERIALIZE_DATE_TIME_AS_LONG, false);
    if (zone == null && !asMillis) {
      return results;
    }
    List<Object> out = new ArrayList<>(results.size());
    for (Object r : results) {
      if (r instanceof Result<?> result) {
        Result<?> zoned = zone == null ? result : result.inZone(zone);
        out.add(asMillis ? zoned.withMillisTimestamp(millisInside(zoned.getValue())) : zoned);
      } else if (r instanceof GroupByResultRow row) {
        GroupByResultRow zoned = zone == null ? row : row.inZone(zone);
        out.add(asMillis ? zoned.withMillisTimestamp() : zoned);
      } else {
        out.add(r);
      }
    }
    return out;
  }

  private static DateTimeZone zone(Query query) {
    if (query.getGranularity() instanceof PeriodGranularity period && !period.timeZone().equals(DateTimeZone.UTC)
        && (query instanceof TimeseriesQuery || query instanceof TopNQuery || query instanceof GroupByQuery)) {
      return period.timeZone();
    }
    return null;
  }

  /** A result object with its DateTime values as epoch millis; other values as they are. */
  private static Object millisInside(Object value) {
    if (!(value instanceof Map<?, ?> map) || map.values().stream().noneMatch(DateTime.class::isInstance)) {
      return value;
    }
    Map<Object, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, v instanceof DateTime t ? (Object) t.getMillis() : v));
    return copy;
  }
}
