package io.kafkaindexing.segment.read;

/**
 * Aggregates stored metrics over consecutive time ranges of a view's rows without a cursor: visits
 * the rows an unfiltered cursor over the same interval visits, in the same order, and folds them
 * as the aggregators it was made for would through that cursor's selectors (same null handling,
 * conversions and order of additions, so the same values bit for bit). Offered by
 * {@link SegmentView#metricFolder} for the aggregators it supports. Not thread-safe: confined to
 * the view's thread and used only while the view is open.
 */
public interface MetricFolder {
  /**
   * Folds the next rows whose time is below {@code end}, continuing where the previous call
   * stopped (as a cursor advanced while its time is below {@code end}), into {@code out}: one
   * intermediate value per aggregator, as a fresh aggregator reports it after aggregating those
   * rows (e.g. null for a sum over no non-null value, 0 for a count of no rows).
   *
   * @return whether there were any such rows
   */
  boolean foldUntil(long end, Object[] out);
}
