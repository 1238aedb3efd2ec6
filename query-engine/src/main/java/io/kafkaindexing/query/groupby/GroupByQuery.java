package io.kafkaindexing.query.groupby;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.DataSource;
import io.kafkaindexing.query.Query;
import io.kafkaindexing.query.QuerySegmentSpec;
import io.kafkaindexing.query.aggregation.Aggregations;
import io.kafkaindexing.query.aggregation.GroupingAggregatorFactory;
import io.kafkaindexing.query.aggregation.PostAggregator;
import io.kafkaindexing.query.dimension.DimensionSpec;
import io.kafkaindexing.query.filter.DimFilter;
import io.kafkaindexing.query.groupby.having.HavingSpec;
import io.kafkaindexing.query.virtual.VirtualColumn;
import io.kafkaindexing.query.virtual.VirtualColumns;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.granularity.AllGranularity;
import io.kafkaindexing.segment.granularity.Granularity;
import io.kafkaindexing.segment.read.ColumnNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Druid's native {@code groupBy} query: rows matching {@code filter} grouped by time bucket
 * ({@code granularity}, required) and the values of {@code dimensions} (each value of a
 * multi-value dimension is its own group), with {@code aggregations} and {@code postAggregations};
 * then {@code having}, {@code limitSpec}, and optionally {@code subtotalsSpec} (grouping sets over
 * subsets of the dimensions' output names). Immutable.
 */
public final class GroupByQuery extends Query {
  public static final String TYPE = "groupBy";

  private final VirtualColumns virtualColumns;
  private final DimFilter filter;
  private final Granularity granularity;
  private final List<DimensionSpec> dimensions;
  private final Aggregations aggregations;
  private final HavingSpec having;
  private final LimitSpec limitSpec;
  private final List<List<String>> subtotalsSpec;

  @JsonCreator
  public GroupByQuery(@JsonProperty("dataSource") DataSource dataSource,
      @JsonProperty("intervals") QuerySegmentSpec intervals,
      @JsonProperty("virtualColumns") List<VirtualColumn> virtualColumns, @JsonProperty("filter") DimFilter filter,
      @JsonProperty("granularity") Granularity granularity,
      @JsonProperty("dimensions") List<DimensionSpec> dimensions,
      @JsonProperty("aggregations") List<AggregatorFactory> aggregations,
      @JsonProperty("postAggregations") List<PostAggregator> postAggregations,
      @JsonProperty("having") HavingSpec having, @JsonProperty("limitSpec") LimitSpec limitSpec,
      @JsonProperty("subtotalsSpec") List<List<String>> subtotalsSpec,
      @JsonProperty("context") Map<String, Object> context) {
    super(dataSource, intervals, context);
    if (granularity == null) {
      throw DruidException.invalidInput("Missing required field[granularity] in the groupBy query");
    }
    this.virtualColumns = VirtualColumns.of(virtualColumns);
    this.filter = filter;
    this.granularity = granularity;
    this.dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
    this.aggregations = new Aggregations(aggregations, postAggregations);
    this.having = having;
    this.limitSpec = limitSpec == null ? LimitSpec.NONE : limitSpec;
    this.subtotalsSpec = subtotalsSpec == null ? null : copy(subtotalsSpec);
    validateNames();
  }

  private static List<List<String>> copy(List<List<String>> spec) {
    List<List<String>> out = new ArrayList<>();
    for (List<String> s : spec) {
      if (s == null) {
        throw DruidException.invalidInput("Field[subtotalsSpec] has a null entry");
      }
      out.add(List.copyOf(s));
    }
    return List.copyOf(out);
  }

  private void validateNames() {
    Set<String> names = new HashSet<>();
    List<String> dimNames = new ArrayList<>();
    for (DimensionSpec d : dimensions) {
      if (d == null) {
        throw DruidException.invalidInput("Field[dimensions] has a null entry");
      }
      if (ColumnNames.TIME.equals(d.getOutputName()) || !names.add(d.getOutputName())) {
        throw DruidException.invalidInput("Duplicate output name[%s] in field[dimensions]", d.getOutputName());
      }
      dimNames.add(d.getOutputName());
    }
    for (String name : aggregations.outputNames()) {
      if (!names.add(name)) {
        throw DruidException.invalidInput("Duplicate output name[%s]", name);
      }
    }
    for (AggregatorFactory a : aggregations.aggregators()) {
      if (a instanceof GroupingAggregatorFactory grouping && !dimNames.containsAll(grouping.getGroupings())) {
        throw DruidException.invalidInput("Field[groupings] of the grouping aggregator[%s] must name dimensions of "
            + "the query %s, got %s", grouping.getName(), dimNames, grouping.getGroupings());
      }
    }
    if (subtotalsSpec != null) {
      for (List<String> subtotal : subtotalsSpec) {
        if (!dimNames.containsAll(subtotal)) {
          throw DruidException.invalidInput("Subtotal spec %s is either not a subset of top level dimensions.",
              subtotal);
        }
      }
    }
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
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public DimFilter getFilter() {
    return filter;
  }

  @JsonProperty
  public List<DimensionSpec> getDimensions() {
    return dimensions;
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
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public HavingSpec getHaving() {
    return having;
  }

  @JsonProperty
  public LimitSpec getLimitSpec() {
    return limitSpec;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public List<List<String>> getSubtotalsSpec() {
    return subtotalsSpec;
  }

  /** The timestamp of every row with granularity {@code all}: the first interval's start. */
  public long universalTimestamp() {
    return getIntervals().isEmpty() ? 0L : getIntervals().get(0).getStartMillis();
  }

  public boolean hasTimestamp() {
    return !(granularity instanceof AllGranularity);
  }

  @Override
  public GroupByQuery withContext(Map<String, Object> context) {
    return new GroupByQuery(getDataSource(), getQuerySegmentSpec(), virtualColumns.list(), filter, granularity,
        dimensions, aggregations.aggregators(), aggregations.declaredPostAggregators(), having, limitSpec,
        subtotalsSpec, context);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GroupByQuery that && getDataSource().equals(that.getDataSource())
        && getQuerySegmentSpec().equals(that.getQuerySegmentSpec()) && getContext().equals(that.getContext())
        && virtualColumns.equals(that.virtualColumns) && Objects.equals(filter, that.filter)
        && granularity.equals(that.granularity) && dimensions.equals(that.dimensions)
        && aggregations.equals(that.aggregations) && Objects.equals(having, that.having)
        && limitSpec.equals(that.limitSpec) && Objects.equals(subtotalsSpec, that.subtotalsSpec);
  }

  @Override
  public int hashCode() {
    return Objects.hash(getDataSource(), getQuerySegmentSpec(), filter, granularity, dimensions, aggregations, having,
        limitSpec, subtotalsSpec);
  }

  @Override
  public String toString() {
    return "GroupByQuery{dataSource=" + getDataSource() + ", intervals=" + getIntervals() + ", dimensions="
        + dimensions + ", granularity=" + granularity + ", filter=" + filter + ", aggregations=" + aggregations
        + ", having=" + having + ", limitSpec=" + limitSpec + ", subtotalsSpec=" + subtotalsSpec + "}";
  }
}
