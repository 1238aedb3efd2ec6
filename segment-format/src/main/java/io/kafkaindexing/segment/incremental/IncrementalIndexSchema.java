package io.kafkaindexing.segment.incremental;

import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.granularity.Granularity;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import io.kafkaindexing.segment.spec.TimestampSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an {@link IncrementalIndex} stores and how: rows at or after {@code minTimestamp} (the
 * segment interval start), times truncated to {@code queryGranularity}, the dimensions of
 * {@code dimensionsSpec}, the {@code metrics} and whether equal rows are rolled up. Immutable.
 */
public final class IncrementalIndexSchema {
  private final long minTimestamp;
  private final TimestampSpec timestampSpec;
  private final Granularity queryGranularity;
  private final DimensionsSpec dimensionsSpec;
  private final List<AggregatorFactory> metrics;
  private final boolean rollup;

  public IncrementalIndexSchema(long minTimestamp, TimestampSpec timestampSpec, Granularity queryGranularity,
      DimensionsSpec dimensionsSpec, List<AggregatorFactory> metrics, boolean rollup) {
    this.minTimestamp = minTimestamp;
    this.timestampSpec = timestampSpec == null ? new TimestampSpec(null, null, null) : timestampSpec;
    this.queryGranularity = queryGranularity == null ? Granularities.NONE : queryGranularity;
    this.dimensionsSpec = dimensionsSpec == null ? new DimensionsSpec(null, null, null, null) : dimensionsSpec;
    this.metrics = List.copyOf(metrics == null ? List.of() : metrics);
    this.rollup = rollup;
    Set<String> names = new HashSet<>();
    for (AggregatorFactory m : this.metrics) {
      if (!names.add(m.getName())) {
        throw new IllegalArgumentException("metricsSpec contains duplicate metric[" + m.getName() + "]");
      }
      if (this.dimensionsSpec.getDimensionNames().contains(m.getName())) {
        throw new IllegalArgumentException("Metric[" + m.getName() + "] has the name of a dimension");
      }
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public long getMinTimestamp() {
    return minTimestamp;
  }

  public TimestampSpec getTimestampSpec() {
    return timestampSpec;
  }

  public Granularity getQueryGranularity() {
    return queryGranularity;
  }

  public DimensionsSpec getDimensionsSpec() {
    return dimensionsSpec;
  }

  public List<AggregatorFactory> getMetrics() {
    return metrics;
  }

  public boolean isRollup() {
    return rollup;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IncrementalIndexSchema that && minTimestamp == that.minTimestamp && rollup == that.rollup
        && timestampSpec.equals(that.timestampSpec) && queryGranularity.equals(that.queryGranularity)
        && dimensionsSpec.equals(that.dimensionsSpec) && metrics.equals(that.metrics);
  }

  @Override
  public int hashCode() {
    return Objects.hash(minTimestamp, timestampSpec, queryGranularity, dimensionsSpec, metrics, rollup);
  }

  @Override
  public String toString() {
    return "IncrementalIndexSchema{minTimestamp=" + minTimestamp + ", queryGranularity=" + queryGranularity
        + ", dimensionsSpec=" + dimensionsSpec + ", metrics=" + metrics + ", rollup=" + rollup + "}";
  }

  /** Builds a schema; defaults: minTimestamp 0, timestampSpec default, granularity none, schemaless, rollup on. */
  public static final class Builder {
    private long minTimestamp;
    private TimestampSpec timestampSpec;
    private Granularity queryGranularity;
    private DimensionsSpec dimensionsSpec;
    private List<AggregatorFactory> metrics = List.of();
    private boolean rollup = true;

    private Builder() {}

    public Builder minTimestamp(long minTimestamp) {
      this.minTimestamp = minTimestamp;
      return this;
    }

    public Builder timestampSpec(TimestampSpec timestampSpec) {
      this.timestampSpec = timestampSpec;
      return this;
    }

    public Builder queryGranularity(Granularity queryGranularity) {
      this.queryGranularity = queryGranularity;
      return this;
    }

    public Builder dimensionsSpec(DimensionsSpec dimensionsSpec) {
      this.dimensionsSpec = dimensionsSpec;
      return this;
    }

    public Builder metrics(List<AggregatorFactory> metrics) {
      this.metrics = metrics;
      return this;
    }

    public Builder metrics(AggregatorFactory... metrics) {
      this.metrics = List.of(metrics);
      return this;
    }

    public Builder rollup(boolean rollup) {
      this.rollup = rollup;
      return this;
    }

    public IncrementalIndexSchema build() {
      return new IncrementalIndexSchema(minTimestamp, timestampSpec, queryGranularity, dimensionsSpec, metrics,
          rollup);
    }
  }
}
