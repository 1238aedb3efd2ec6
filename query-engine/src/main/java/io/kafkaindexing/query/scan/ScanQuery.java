package io.kafkaindexing.query.scan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.DataSource;
import io.kafkaindexing.query.Query;
import io.kafkaindexing.query.QuerySegmentSpec;
import io.kafkaindexing.query.filter.DimFilter;
import io.kafkaindexing.query.virtual.VirtualColumn;
import io.kafkaindexing.query.virtual.VirtualColumns;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.granularity.Granularity;
import io.kafkaindexing.segment.read.ColumnNames;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Druid's native {@code scan} query: the raw (stored) rows matching {@code filter}, with
 * {@code columns} (all when empty: {@code __time}, virtual columns, then the segment's columns),
 * in batches of {@code batchSize} (default 20480) per segment, as {@code resultFormat}
 * {@code list} (objects, the default) or {@code compactedList} (arrays). {@code offset} rows are
 * skipped and at most {@code limit} returned. {@code order} ({@code none} by default) or an
 * {@code orderBy} on {@code __time} sorts rows by time across segments. Immutable.
 */
public final class ScanQuery extends Query {
  public static final String TYPE = "scan";
  public static final int DEFAULT_BATCH_SIZE = 20480;

  /** Row order. */
  public enum Order { NONE, ASCENDING, DESCENDING }

  private final VirtualColumns virtualColumns;
  private final boolean compacted;
  private final int batchSize;
  private final long limit;
  private final long offset;
  private final Order order;
  private final DimFilter filter;
  private final List<String> columns;

  @JsonCreator
  public ScanQuery(@JsonProperty("dataSource") DataSource dataSource,
      @JsonProperty("intervals") QuerySegmentSpec intervals,
      @JsonProperty("virtualColumns") List<VirtualColumn> virtualColumns,
      @JsonProperty("resultFormat") String resultFormat, @JsonProperty("batchSize") Integer batchSize,
      @JsonProperty("limit") Long limit, @JsonProperty("offset") Long offset, @JsonProperty("order") String order,
      @JsonProperty("orderBy") JsonNode orderBy, @JsonProperty("filter") DimFilter filter,
      @JsonProperty("columns") List<String> columns, @JsonProperty("context") Map<String, Object> context) {
    super(dataSource, intervals, context);
    this.virtualColumns = VirtualColumns.of(virtualColumns);
    this.compacted = compacted(resultFormat);
    if (batchSize != null && batchSize <= 0) {
      throw DruidException.invalidInput("batchSize must be greater than 0, got[%d]", batchSize);
    }
    this.batchSize = batchSize == null ? DEFAULT_BATCH_SIZE : batchSize;
    if (limit != null && limit < 0) {
      throw DruidException.invalidInput("limit must be greater than 0, got[%d]", limit);
    }
    this.limit = limit == null || limit == 0 ? Long.MAX_VALUE : limit;
    if (offset != null && offset < 0) {
      throw DruidException.invalidInput("offset must be greater than or equal to 0, got[%d]", offset);
    }
    this.offset = offset == null ? 0 : offset;
    this.order = order(order, orderBy);
    this.filter = filter;
    this.columns = columns == null ? List.of() : List.copyOf(columns);
    if (this.order != Order.NONE && !this.columns.isEmpty() && !this.columns.contains(ColumnNames.TIME)) {
      throw DruidException.invalidInput("The __time column must be selected if the results are time-ordered.");
    }
  }

  private static boolean compacted(String resultFormat) {
    if (resultFormat == null || resultFormat.equals("list")) {
      return false;
    }
    if (resultFormat.equals("compactedList")) {
      return true;
    }
    if (resultFormat.equals("valueVector")) {
      throw DruidException.invalidInput("resultFormat[valueVector] is not supported: use list or compactedList");
    }
    throw DruidException.invalidInput("Unknown resultFormat[%s]: expected list or compactedList", resultFormat);
  }

  private static Order order(String order, JsonNode orderBy) {
    Order o = parseOrder(order, "order");
    if (orderBy == null || orderBy.isNull() || (orderBy.isArray() && orderBy.isEmpty())) {
      return o;
    }
    if (!orderBy.isArray() || orderBy.size() != 1 || !ColumnNames.TIME.equals(orderBy.get(0).path("columnName").asText())) {
      throw DruidException.invalidInput("Field[orderBy] of a scan over a table can only order by __time, got[%s]",
          orderBy);
    }
    return parseOrder(orderBy.get(0).path("order").asText("ascending"), "orderBy.order");
  }

  private static Order parseOrder(String order, String field) {
    if (order == null) {
      return Order.NONE;
    }
    try {
      return Order.valueOf(order.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DruidException.invalidInput("Unknown %s[%s]: expected ascending, descending or none", field, order);
    }
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
  public List<VirtualColumn> getVirtualColumns() {
    return virtualColumns.list();
  }

  public VirtualColumns virtualColumns() {
    return virtualColumns;
  }

  @JsonProperty
  public String getResultFormat() {
    return compacted ? "compactedList" : "list";
  }

  public boolean isCompacted() {
    return compacted;
  }

  @JsonProperty
  public int getBatchSize() {
    return batchSize;
  }

  @JsonProperty
  public long getLimit() {
    return limit;
  }

  @JsonProperty
  public long getOffset() {
    return offset;
  }

  public Order order() {
    return order;
  }

  @JsonProperty("order")
  public String getOrder() {
    return order.name().toLowerCase(Locale.ROOT);
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public DimFilter getFilter() {
    return filter;
  }

  @JsonProperty
  public List<String> getColumns() {
    return columns;
  }

  @Override
  public ScanQuery withContext(Map<String, Object> context) {
    return new ScanQuery(getDataSource(), getQuerySegmentSpec(), virtualColumns.list(), getResultFormat(), batchSize,
        limit == Long.MAX_VALUE ? null : limit, offset, getOrder(), null, filter, columns, context);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScanQuery that && getDataSource().equals(that.getDataSource())
        && getQuerySegmentSpec().equals(that.getQuerySegmentSpec()) && getContext().equals(that.getContext())
        && virtualColumns.equals(that.virtualColumns) && compacted == that.compacted && batchSize == that.batchSize
        && limit == that.limit && offset == that.offset && order == that.order && Objects.equals(filter, that.filter)
        && columns.equals(that.columns);
  }

  @Override
  public int hashCode() {
    return Objects.hash(getDataSource(), getQuerySegmentSpec(), compacted, batchSize, limit, offset, order, filter,
        columns);
  }

  @Override
  public String toString() {
    return "ScanQuery{dataSource=" + getDataSource() + ", intervals=" + getIntervals() + ", columns=" + columns
        + ", filter=" + filter + ", order=" + order + ", limit=" + limit + ", offset=" + offset + "}";
  }
}
