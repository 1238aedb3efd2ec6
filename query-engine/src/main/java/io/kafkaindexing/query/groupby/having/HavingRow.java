package io.kafkaindexing.query.groupby.having;

import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.column.ValueType;
import java.util.Map;

/**
 * A groupBy result row as having clauses see it: its timestamp, its columns by name (dimensions,
 * raw aggregates, post-aggregates), the query's aggregators (to finalize values) and the column
 * types. Read-only.
 */
public record HavingRow(long timestamp, Map<String, Object> columns, Map<String, AggregatorFactory> aggregators,
    Map<String, ValueType> signature) {}
