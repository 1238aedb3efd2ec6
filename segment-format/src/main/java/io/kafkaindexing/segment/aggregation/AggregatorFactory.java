package io.kafkaindexing.segment.aggregation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.ValueType;
import java.util.Comparator;
import java.util.List;

/**
 * Describes one metric ({@code metricsSpec} entry or query aggregator) and makes the
 * {@link Aggregator}s that compute it. The same factory aggregates raw input rows at ingestion and
 * stored values at query time through its {@link #getCombiningFactory()}. JSON type names are
 * registered by {@code SegmentJacksonModule}, never listed here; only {@code @JsonProperty} members
 * are serialized. Immutable and thread-safe.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE, fieldVisibility = JsonAutoDetect.Visibility.NONE)
public abstract class AggregatorFactory {
  @JsonProperty
  public abstract String getName();

  /** The input columns this metric reads. */
  public abstract List<String> requiredFields();

  /** A new aggregator reading its input from {@code columns}. */
  public abstract Aggregator factorize(ColumnSelectorFactory columns);

  /** Combines two intermediate values; either may be null (SQL-compatible: null is ignored). */
  public abstract Object combine(Object lhs, Object rhs);

  /**
   * The factory that aggregates this metric's stored values, e.g. {@code longSum(views)} for
   * {@code count(views)}; used by rollup of persisted data and by queries over stored metrics.
   */
  public abstract AggregatorFactory getCombiningFactory();

  /** The type of the stored (intermediate) value. */
  public abstract ValueType getIntermediateType();

  /** The type of the finalized value; the intermediate type unless overridden. */
  public ValueType getResultType() {
    return getIntermediateType();
  }

  /**
   * The name of the complex type of the stored value ({@code hyperUnique}...) when
   * {@link #getIntermediateType()} is complex; null otherwise.
   */
  public String getComplexTypeName() {
    return null;
  }

  /** Turns an intermediate value into the value shown in query results. */
  public Object finalizeComputation(Object intermediate) {
    return intermediate;
  }

  /** Orders intermediate values, nulls first. */
  public abstract Comparator<Object> getComparator();
}
