package io.kafkaindexing.query;

import io.kafkaindexing.query.groupby.GroupByQuery;
import io.kafkaindexing.query.groupby.GroupByResultRow;
import io.kafkaindexing.query.timeseries.TimeseriesQuery;
import io.kafkaindexing.query.topn.TopNQuery;
import io.kafkaindexing.segment.granularity.PeriodGranularity;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.DateTimeZone;

/**
 * Puts the bucket timestamps of timeseries, topN and groupBy results in the time zone of the query's
 * {@code period} granularity, as Druid's granularity documentation describes: a {@code P1D} bucket in
 * {@code America/Los_Angeles} is written {@code 2013-08-31T00:00:00.000-07:00}. The instants do not
 * change; other granularities and query types keep UTC. Stateless.
 */
final class ResultTimeZone {
  private ResultTimeZone() {}

  /** {@code results} with their timestamps in the granularity's zone, or {@code results} itself when that is UTC. */
  static List<?> apply(Query query, List<?> results) {
    if (!(query.getGranularity() instanceof PeriodGranularity period) || period.timeZone().equals(DateTimeZone.UTC)
        || !(query instanceof TimeseriesQuery || query instanceof TopNQuery || query instanceof GroupByQuery)) {
      return results;
    }
    DateTimeZone zone = period.timeZone();
    List<Object> zoned = new ArrayList<>(results.size());
    for (Object r : results) {
      if (r instanceof Result<?> result) {
        zoned.add(result.inZone(zone));
      } else if (r instanceof GroupByResultRow row) {
        zoned.add(row.inZone(zone));
      } else {
        zoned.add(r);
      }
    }
    return zoned;
  }
}
