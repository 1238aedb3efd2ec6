package io.kafkaindexing.query.topn;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.DataSource;
import io.kafkaindexing.query.Query;
import io.kafkaindexing.query.QueryContexts;
import io.kafkaindexing.query.QuerySegmentSpec;
import io.kafkaindexing.query.aggregation.Aggregations;
import io.kafkaindexing.query.aggregation.PostAggregator;
import io.kafkaindexing.query.dimension.DimensionSpec;
import io.kafkaindexing.query.filter.DimFilter;
import io.kafkaindexing.query.virtual.VirtualColumn;
import io.kafkaindexing.query.virtual.VirtualColumns;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.granularity.Granularity;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Druid's native {@code topN} query: the {@code threshold} values of {@code dimension} ranked by
 * {@code metric} (see {@link TopNMetricSpecs}), with their {@code aggregations} and
 * {@code postAggregations}, per {@code granularity} bucket. Like Druid, each segment contributes
 * its top {@code max(threshold, minTopNThreshold)} values (context {@code minTopNThreshold},
 * default {@value #DEFAULT_MIN_TOPN_THRESHOLD}), so ranks past that are approximate. Immutable.
 */
public final class TopNQuery extends Query {
  public static final String TYPE = "topN";
  public static final int DEFAULT_MIN_TOPN_THRESHOLD = 1000;

  private final VirtualColumns virtualColumns;
  private final DimensionSpec dimension;
  private final TopNMetricSpec metric;
  private final int threshold;
  private final DimFilter filter;
  private final Granularity granularity;
  private final Aggregations aggregations;

  @JsonCreator
  public TopNQuery(@JsonProperty("dataSource") DataSource dataSource,
      @JsonProperty("intervals") QuerySegmentSpec intervals,
      @JsonProperty("virtualColumns") List<VirtualColumn> virtualColumns,
      @JsonProperty("dimension") DimensionSpec dimension, @JsonProperty("metric") JsonNode metric,
      @JsonProperty("threshold") Integer threshold, @JsonProperty("filter") DimFilter filter,
      @JsonProperty("granularity") Granularity granularity,
      @JsonProperty("aggregations") List<AggregatorFactory> aggregations,
      @JsonProperty("postAggregations") List<PostAggregator> postAggregations,
      @JsonProperty("context") Map<String, Object> context) {
    this(dataSource, intervals, virtualColumns, dimension, TopNMetricSpecs.parse(metric, "metric"), threshold,
        filter, granularity, aggregations, postAggregations, context);
  }

  public TopNQuery(DataSource dataSource, QuerySegmentSpec intervals, List<VirtualColumn> virtualColumns,
      DimensionSpec dimension, TopNMetricSpec metric, Integer threshold, DimFilter filter, Granularity granularity,
      List<AggregatorFactory> aggregations, List<PostAggregator> postAggregations, Map<String, Object> context) {
    super(dataSource, intervals, context);
    if (dimension == null) {
      throw DruidException.invalidInput("Missing required field[dimension] in the topN query");
    }
    if (threshold == null) {
      throw DruidException.invalidInput("Missing required field[threshold] in the topN query");
    }
    if (threshold <= 0) {
      throw DruidException.invalidInput("Field[threshold] must be greater than 0, got[%d]", threshold);
    }
    if (granularity == null) {
      throw DruidException.invalidInput("Missing required field[granularity] in the topN query");
    }
    this.virtualColumns = VirtualColumns.of(virtualColumns);
    this.dimension = dimension;
    this.metric = metric;
    this.threshold = threshold;
    this.filter = filter;
    this.granularity = granularity;
    this.aggregations = new Aggregations(aggregations, postAggregations);
    metric.verify(this.aggregations);
    QueryContexts.getInt(getContext(), "minTopNThreshold", DEFAULT_MIN_TOPN_THRESHOLD);
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
  public List<VirtualColumn> getVirtualColumns() {
    return virtualColumns.list();
  }

  public VirtualColumns virtualColumns() {
    return virtualColumns;
  }

  @JsonProperty
  public DimensionSpec getDimension() {
    return dimension;
  }

  @JsonProperty("metric")
  public TopNMetricSpec getMetric() {
    return metric;
  }

  @JsonProperty
  public int getThreshold() {
    return threshold;
  }

  /** How many values each segment (and the merge) keeps before the final cut at the threshold. */
  public int mergeThreshold() {
    return Math.max(threshold, QueryContexts.getInt(getContext(), "minTopNThreshold", DEFAULT_MIN_TOPN_THRESHOLD));
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

  @Override
  public TopNQuery withContext(Map<String, Object> context) {
    return new TopNQuery(getDataSource(), getQuerySegmentSpec(), virtualColumns.list(), dimension, metric, threshold,
        filter, granularity, aggregations.aggregators(), aggregations.declaredPostAggregators(), context);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TopNQuery that && getDataSource().equals(that.getDataSource())
        && getQuerySegmentSpec().equals(that.getQuerySegmentSpec()) && getContext().equals(that.getContext())
        && virtualColumns.equals(that.virtualColumns) && dimension.equals(that.dimension)
        && metric.equals(that.metric) && threshold == that.threshold && Objects.equals(filter, that.filter)
        && granularity.equals(that.granularity) && aggregations.equals(that.aggregations);
  }

  @Override
  public int hashCode() {
    return Objects.hash(getDataSource(), getQuerySegmentSpec(), dimension, metric, threshold, filter, granularity,
        aggregations);
  }

  @Override
  public String toString() {
    return "TopNQuery{dataSource=" + getDataSource() + ", intervals=" + getIntervals() + ", dimension=" + dimension
        + ", metric=" + metric + ", threshold=" + threshold + ", filter=" + filter + ", granularity=" + granularity
        + ", aggregations=" + aggregations + "}";
  }
}
