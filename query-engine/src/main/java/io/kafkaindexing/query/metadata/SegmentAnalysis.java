package io.kafkaindexing.query.metadata;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.granularity.Granularity;
import io.kafkaindexing.segment.spec.TimestampSpec;
import java.util.List;
import java.util.Map;

/**
 * One {@code segmentMetadata} result (a segment, or all of them merged), in Druid's field order.
 * Fields of analyses not requested are null ({@code intervals}, {@code aggregators},
 * {@code timestampSpec}, {@code queryGranularity}, {@code rollup}) or 0 ({@code size}).
 */
@JsonPropertyOrder({"id", "intervals", "columns", "size", "numRows", "aggregators", "timestampSpec",
    "queryGranularity", "rollup"})
public record SegmentAnalysis(@JsonProperty("id") String id, @JsonProperty("intervals") List<String> intervals,
    @JsonProperty("columns") Map<String, ColumnAnalysis> columns, @JsonProperty("size") long size,
    @JsonProperty("numRows") long numRows, @JsonProperty("aggregators") Map<String, AggregatorFactory> aggregators,
    @JsonProperty("timestampSpec") TimestampSpec timestampSpec,
    @JsonProperty("queryGranularity") Granularity queryGranularity, @JsonProperty("rollup") Boolean rollup) {}
