package io.kafkaindexing.query.search;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.DataSource;
import io.kafkaindexing.query.Query;
import io.kafkaindexing.query.QuerySegmentSpec;
import io.kafkaindexing.query.dimension.DimensionSpec;
import io.kafkaindexing.query.filter.DimFilter;
import io.kafkaindexing.query.virtual.VirtualColumn;
import io.kafkaindexing.query.virtual.VirtualColumns;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.granularity.Granularity;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Druid's native {@code search} query: the values of {@code searchDimensions} (all dimensions when
 * absent or empty) accepted by {@code query} (default {@code all}), with the number of stored rows
 * holding each, per {@code granularity} bucket (default {@code all}), ordered by {@code sort}
 * (default lexicographic) and cut at {@code limit} (default 1000; 0 means 1000). {@code filter}
 * restricts rows. {@code virtualColumns} may be named in {@code searchDimensions} and in
 * {@code filter} like stored columns; an empty {@code searchDimensions} still means the stored
 * dimensions only. Immutable.
 */
public final class SearchQuery extends Query {
  public static final String TYPE = "search";
  public static final int DEFAULT_LIMIT = 1000;

  private final DimFilter filter;
  private final VirtualColumns virtualColumns;
  private final Granularity granularity;
  private final int limit;
  private final List<DimensionSpec> searchDimensions;
  private final SearchQuerySpec querySpec;
  private final SearchSortSpec sort;

  @JsonCreator
  public SearchQuery(@JsonProperty("dataSource") DataSource dataSource, @JsonProperty("filter") DimFilter filter,
      @JsonProperty("granularity") Granularity granularity, @JsonProperty("limit") Integer limit,
      @JsonProperty("intervals") QuerySegmentSpec intervals,
      @JsonProperty("searchDimensions") List<DimensionSpec> searchDimensions,
      @JsonProperty("virtualColumns") List<VirtualColumn> virtualColumns, @JsonProperty("query") SearchQuerySpec querySpec,
      @JsonProperty("sort") SearchSortSpec sort, @JsonProperty("context") Map<String, Object> context) {
    super(dataSource, intervals, context);
    if (limit != null && limit < 0) {
      throw DruidException.invalidInput("Field[limit] must be >= 0, got[%d]", limit);
    }
    this.filter = filter;
    this.virtualColumns = VirtualColumns.of(virtualColumns);
    this.granularity = granularity == null ? Granularities.ALL : granularity;
    this.limit = limit == null || limit == 0 ? DEFAULT_LIMIT : limit;
    this.searchDimensions = searchDimensions == null ? List.of() : List.copyOf(searchDimensions);
    this.querySpec = querySpec == null ? new AllSearchQuerySpec() : querySpec;
    this.sort = sort == null ? SearchSortSpec.DEFAULT : sort;
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  @JsonProperty("granularity")
  public Granularity getGranularity() {
    return granularity;
  }

  @JsonProperty("filter")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public DimFilter getFilter() {
    return filter;
  }

  @JsonProperty("virtualColumns")
  public List<VirtualColumn> getVirtualColumns() {
    return virtualColumns.list();
  }

  public VirtualColumns virtualColumns() {
    return virtualColumns;
  }

  @JsonProperty("limit")
  public int getLimit() {
    return limit;
  }

  /** The dimensions to search; empty means every dimension of each segment. */
  @JsonProperty("searchDimensions")
  public List<DimensionSpec> getSearchDimensions() {
    return searchDimensions;
  }

  @JsonProperty("query")
  public SearchQuerySpec getQuerySpec() {
    return querySpec;
  }

  @JsonProperty("sort")
  public SearchSortSpec getSort() {
    return sort;
  }

  @Override
  public SearchQuery withContext(Map<String, Object> context) {
    return new SearchQuery(getDataSource(), filter, granularity, limit, getQuerySegmentSpec(), searchDimensions,
        virtualColumns.list(), querySpec, sort, context);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SearchQuery that && getDataSource().equals(that.getDataSource())
        && getQuerySegmentSpec().equals(that.getQuerySegmentSpec()) && getContext().equals(that.getContext())
        && Objects.equals(filter, that.filter) && virtualColumns.equals(that.virtualColumns) && granularity.equals(that.granularity) && limit == that.limit
        && searchDimensions.equals(that.searchDimensions) && querySpec.equals(that.querySpec) && sort.equals(that.sort);
  }

  @Override
  public int hashCode() {
    return Objects.hash(getDataSource(), getQuerySegmentSpec(), filter, virtualColumns, granularity, limit, searchDimensions,
        querySpec, sort);
  }

  @Override
  public String toString() {
    return "SearchQuery{dataSource=" + getDataSource() + ", intervals=" + getIntervals() + ", dims="
        + searchDimensions + ", virtualColumns=" + virtualColumns + ", query=" + querySpec + ", filter=" + filter + ", granularity=" + granularity
        + ", sort=" + sort + ", limit=" + limit + "}";
  }
}
