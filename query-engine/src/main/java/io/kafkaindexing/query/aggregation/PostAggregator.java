package io.kafkaindexing.query.aggregation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;

/**
 * A value computed from the aggregated (and previously post-aggregated) values of a result row,
 * Druid's {@code postAggregations} entry. Types are registered by name in the query Jackson module.
 * Implementations are immutable and thread-safe.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface PostAggregator {
  /** The output name; may be null for a post-aggregator nested in another. */
  String getName();

  /** The value for a row whose aggregator (non-finalized) and earlier post-aggregator values are {@code values}. */
  Object compute(Map<String, Object> values);

  /** Orders computed values (for topN metrics and groupBy ordering), nulls first. Not part of the JSON. */
  @JsonIgnore
  Comparator<Object> getComparator();

  /** The names of the values it reads. Not part of the JSON. */
  @JsonIgnore
  Set<String> getDependentFields();

  /**
   * This post-aggregator with access to the query's aggregators (for finalizing and typed
   * comparators); {@code this} when it needs none.
   */
  default PostAggregator decorate(Map<String, AggregatorFactory> aggregators) {
    return this;
  }
}
