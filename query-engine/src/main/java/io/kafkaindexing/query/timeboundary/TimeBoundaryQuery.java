package io.kafkaindexing.query.timeboundary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.DataSource;
import io.kafkaindexing.query.Query;
import io.kafkaindexing.query.QuerySegmentSpec;
import io.kafkaindexing.query.filter.DimFilter;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.granularity.Granularity;
import java.util.Map;
import java.util.Objects;

/**
 * Druid's native {@code timeBoundary} query: the earliest and latest row times of the data source
 * within {@code intervals} (default: all time), optionally among rows matching {@code filter};
 * {@code bound} {@code minTime} or {@code maxTime} asks for one of them. Immutable.
 */
public final class TimeBoundaryQuery extends Query {
  public static final String TYPE = "timeBoundary";
  public static final String MIN_TIME = "minTime";
  public static final String MAX_TIME = "maxTime";

  private final String bound;
  private final DimFilter filter;

  @JsonCreator
  public TimeBoundaryQuery(@JsonProperty("dataSource") DataSource dataSource,
      @JsonProperty("intervals") QuerySegmentSpec intervals, @JsonProperty("bound") String bound,
      @JsonProperty("filter") DimFilter filter, @JsonProperty("context") Map<String, Object> context) {
    super(dataSource, intervals == null ? QuerySegmentSpec.ETERNITY : intervals, context);
    String b = bound == null ? "" : bound;
    if (!b.isEmpty() && !b.equalsIgnoreCase(MIN_TIME) && !b.equalsIgnoreCase(MAX_TIME)) {
      throw DruidException.invalidInput("Unknown bound[%s]: expected minTime or maxTime", bound);
    }
    this.bound = b;
    this.filter = filter;
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public Granularity getGranularity() {
    return Granularities.ALL;
  }

  @JsonProperty
  public String getBound() {
    return bound;
  }

  public boolean wantsMin() {
    return !bound.equalsIgnoreCase(MAX_TIME);
  }

  public boolean wantsMax() {
    return !bound.equalsIgnoreCase(MIN_TIME);
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public DimFilter getFilter() {
    return filter;
  }

  @Override
  public TimeBoundaryQuery withContext(Map<String, Object> context) {
    return new TimeBoundaryQuery(getDataSource(), getQuerySegmentSpec(), bound, filter, context);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimeBoundaryQuery that && getDataSource().equals(that.getDataSource())
        && getQuerySegmentSpec().equals(that.getQuerySegmentSpec()) && getContext().equals(that.getContext())
        && bound.equals(that.bound) && Objects.equals(filter, that.filter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(getDataSource(), getQuerySegmentSpec(), bound, filter);
  }

  @Override
  public String toString() {
    return "TimeBoundaryQuery{dataSource=" + getDataSource() + ", bound=" + bound + ", filter=" + filter + "}";
  }
}
