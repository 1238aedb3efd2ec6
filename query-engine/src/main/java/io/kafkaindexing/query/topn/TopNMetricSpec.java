package io.kafkaindexing.query.topn;

import io.kafkaindexing.query.aggregation.Aggregations;
import io.kafkaindexing.query.dimension.DimensionSpec;
import java.util.Comparator;
import java.util.Map;

/**
 * How a topN query ranks dimension values ({@code metric}): by a metric, by the dimension value
 * itself, or the inverse of either. Parsed by {@link TopNMetricSpecs}; written back in Druid's
 * object form. Implementations are immutable and thread-safe.
 */
public interface TopNMetricSpec {
  /** The name of the value ranked: the metric, or the dimension's output name. */
  String getMetricName(DimensionSpec dimension);

  /** True when ranking by the dimension value (Druid's lexicographic result builder). */
  boolean ranksByDimension();

  /**
   * Compares the ranked values (metric values, or dimension values as strings). Entries are listed
   * in descending order of this comparator when ranking by a metric, ascending when ranking by the
   * dimension.
   */
  Comparator<Object> comparator(Aggregations aggregations);

  /** Values at or before this one (in comparator order) are skipped; null for none. */
  default String previousStop() {
    return null;
  }

  /** Fails naming the metric when the query has no aggregator or post-aggregator of that name. */
  default void verify(Aggregations aggregations) {}

  /** Druid's JSON object form. */
  Map<String, Object> toJson();
}
