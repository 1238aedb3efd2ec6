package io.kafkaindexing.segment.read;

import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.granularity.Granularity;
import io.kafkaindexing.segment.spec.TimestampSpec;
import java.util.List;
import java.util.Objects;

/**
 * How a segment's rows were ingested, as Druid keeps in {@code metadata.drd}: the metric
 * aggregators, the timestampSpec, the query granularity and whether rows were rolled up. Any field
 * but {@code aggregators} may be null when unknown (e.g. merged segments that disagree). Immutable.
 */
public record SegmentMetadata(List<AggregatorFactory> aggregators, TimestampSpec timestampSpec,
    Granularity queryGranularity, Boolean rollup) {
  public SegmentMetadata {
    aggregators = List.copyOf(Objects.requireNonNull(aggregators, "aggregators"));
  }
}
