package io.kafkaindexing.indexing.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.granularity.Granularity;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.joda.time.Interval;

/**
 * Druid's {@code granularitySpec} of type {@code uniform} (the only type streaming ingestion uses):
 * {@code segmentGranularity} (default {@code DAY}), {@code queryGranularity} (default {@code none}),
 * {@code rollup} (default true) and {@code intervals} (ignored by streaming, echoed). Immutable.
 */
public final class GranularitySpec {
  private final Granularity segmentGranularity;
  private final Granularity queryGranularity;
  private final boolean rollup;
  private final List<Interval> intervals;

  @JsonCreator
  public GranularitySpec(@JsonProperty("type") String type,
      @JsonProperty("segmentGranularity") Granularity segmentGranularity,
      @JsonProperty("queryGranularity") Granularity queryGranularity,
      @JsonProperty("rollup") Boolean rollup,
      @JsonProperty("intervals") List<Interval> intervals) {
    if (type != null && !type.toLowerCase(Locale.ROOT).equals("uniform")) {
      throw new IllegalArgumentException("granularitySpec.type[" + type + "] is not supported: use \"uniform\"");
    }
    this.segmentGranularity = segmentGranularity == null ? Granularities.DAY : segmentGranularity;
    if (this.segmentGranularity == Granularities.NONE) {
      throw new IllegalArgumentException("granularitySpec.segmentGranularity cannot be \"none\"");
    }
    this.queryGranularity = queryGranularity == null ? Granularities.NONE : queryGranularity;
    this.rollup = rollup == null || rollup;
    this.intervals = intervals == null ? List.of() : List.copyOf(intervals);
  }

  public static GranularitySpec defaults() {
    return new GranularitySpec(null, null, null, null, null);
  }

  @JsonProperty("type")
  public String getType() {
    return "uniform";
  }

  @JsonProperty
  public Granularity getSegmentGranularity() {
    return segmentGranularity;
  }

  @JsonProperty
  public Granularity getQueryGranularity() {
    return queryGranularity;
  }

  @JsonProperty("rollup")
  public boolean isRollup() {
    return rollup;
  }

  @JsonProperty
  public List<Interval> getIntervals() {
    return intervals;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GranularitySpec that && segmentGranularity.equals(that.segmentGranularity)
        && queryGranularity.equals(that.queryGranularity) && rollup == that.rollup && intervals.equals(that.intervals);
  }

  @Override
  public int hashCode() {
    return Objects.hash(segmentGranularity, queryGranularity, rollup, intervals);
  }
}
