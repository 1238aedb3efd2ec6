package io.kafkaindexing.query.timeseries;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.DataSource;
import io.kafkaindexing.query.Query;
import io.kafkaindexing.query.QueryContexts;
import io.kafkaindexing.query.QuerySegmentSpec;
import io.kafkaindexing.query.aggregation.Aggregations;
import io.kafkaindexing.query.aggregation.PostAggregator;
import io.kafkaindexing.query.filter.DimFilter;
import io.kafkaindexing.query.virtual.VirtualColumn;
import io.kafkaindexing.query.virtual.VirtualColumns;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.granularity.Granularity;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Druid's native {@code timeseries} query: {@code aggregations} (and {@code postAggregations}) of
 * the rows matching {@code filter}, per {@code granularity} bucket (required), ascending unless
 * {@code descending}, at most {@code limit} buckets (0 or absent: no limit). Context keys:
 * {@code skipEmptyBuckets} (default false: empty buckets inside each segment's data are reported
 * with empty aggregates) and {@code grandTotal} (default false: a last row without timestamp
 * totals every row). Immutable.
 */
public final class TimeseriesQuery extends Query {
  public static final String TYPE = "timeseries";
  public static final String CTX_SKIP_EMPTY_BUCKETS = "skipEmptyBuckets";
  public static final String CTX_GRAND_TOTAL = "grandTotal";

  private final boolean descending;
  private final VirtualColumns virtualColumns;
  private final DimFilter filter;
  private final Granularity granularity;
  private final Aggregations aggregations;
  private final int limit;

  @JsonCreator
  public TimeseriesQuery(@JsonProperty("dataSource") DataSource dataSource,
      @JsonProperty("intervals") QuerySegmentSpec intervals, @JsonProperty("descending") Boolean descending,
      @JsonProperty("virtualColumns") List<VirtualColumn> virtualColumns, @JsonProperty("filter") DimFilter filter,
      @JsonProperty("granularity") Granularity granularity,
      @JsonProperty("aggregations") List<AggregatorFactory> aggregations,
      @JsonProperty("postAggregations") List<PostAggregator> postAggregations,
      @JsonProperty("limit") Integer limit, @JsonProperty("context") Map<String, Object> context) {
    super(dataSource, intervals, context);
    if (granularity == null) {
      throw DruidException.invalidInput("Missing required field[granularity] in the timeseries query");
    }
    if (limit != null && limit < 0) {
      throw DruidException.invalidInput("Field[limit] must be >= 0, got[%d]", limit);
    }
    this.descending = Boolean.TRUE.equals(descending);
    this.virtualColumns = VirtualColumns.of(virtualColumns);
    this.filter = filter;
    this.granularity = granularity;
    this.aggregations = new Aggregations(aggregations, postAggregations);
    this.limit = limit == null || limit == 0 ? Integer.MAX_VALUE : limit;
    QueryContexts.getBoolean(getContext(), CTX_SKIP_EMPTY_BUCKETS, false);
    QueryContexts.getBoolean(getContext(), CTX_GRAND_TOTAL, false);
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  @JsonProperty
  public Granularity getGranularity() {
    return granularity;
  }

  @JsonProperty
  public boolean isDescending() {
    return descending;
  }

  @JsonProperty
  public List<VirtualColumn> getVirtualColumns() {
    return virtualColumns.list();
  }

  public VirtualColumns virtualColumns() {
    return virtualColumns;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public DimFilter getFilter() {
    return filter;
  }

  @JsonProperty("aggregations")
  public List<AggregatorFactory> getAggregatorSpecs() {
    return aggregations.aggregators();
  }

  @JsonProperty("postAggregations")
  public List<PostAggregator> getPostAggregatorSpecs() {
    return aggregations.declaredPostAggregators();
  }

  public Aggregations aggregations() {
    return aggregations;
  }

  @JsonProperty
  public int getLimit() {
    return limit;
  }

  public boolean isSkipEmptyBuckets() {
    return QueryContexts.getBoolean(getContext(), CTX_SKIP_EMPTY_BUCKETS, false);
  }

  public boolean isGrandTotal() {
    return QueryContexts.getBoolean(getContext(), CTX_GRAND_TOTAL, false);
  }

  @Override
  public TimeseriesQuery withContext(Map<String, Object> context) {
    return new TimeseriesQuery(getDataSource(), getQuerySegmentSpec(), descending, virtualColumns.list(), filter,
        granularity, aggregations.aggregators(), aggregations.declaredPostAggregators(),
        limit == Integer.MAX_VALUE ? null : limit, context);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimeseriesQuery that && getDataSource().equals(that.getDataSource())
        && getQuerySegmentSpec().equals(that.getQuerySegmentSpec()) && getContext().equals(that.getContext())
        && descending == that.descending && virtualColumns.equals(that.virtualColumns)
        && Objects.equals(filter, that.filter) && granularity.equals(that.granularity)
        && aggregations.equals(that.aggregations) && limit == that.limit;
  }

  @Override
  public int hashCode() {
    return Objects.hash(getDataSource(), getQuerySegmentSpec(), descending, filter, granularity, aggregations, limit);
  }

  @Override
  public String toString() {
    return "TimeseriesQuery{dataSource=" + getDataSource() + ", intervals=" + getIntervals() + ", granularity="
        + granularity + ", filter=" + filter + ", aggregations=" + aggregations + ", limit=" + limit + "}";
  }
}
