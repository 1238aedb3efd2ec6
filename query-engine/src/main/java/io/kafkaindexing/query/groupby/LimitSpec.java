package io.kafkaindexing.query.groupby;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A groupBy's {@code limitSpec}: {@code {"type": "default", "columns": [...], "limit", "offset"}}
 * (the only type; {@code {"type": "NoopLimitSpec"}} and an absent spec mean none). {@code limit}
 * must be positive (absent: unlimited) and {@code offset} non-negative, as in Druid. Immutable.
 */
public final class LimitSpec {
  public static final LimitSpec NONE = new LimitSpec(List.of(), 0, Integer.MAX_VALUE);

  private final List<OrderByColumnSpec> columns;
  private final int offset;
  private final int limit;

  private LimitSpec(List<OrderByColumnSpec> columns, int offset, int limit) {
    this.columns = List.copyOf(columns);
    this.offset = offset;
    this.limit = limit;
  }

  @JsonCreator
  static LimitSpec fromJson(@JsonProperty("type") String type, @JsonProperty("columns") List<OrderByColumnSpec> columns,
      @JsonProperty("offset") Integer offset, @JsonProperty("limit") Integer limit) {
    if (type != null && (type.equalsIgnoreCase("NoopLimitSpec") || type.equalsIgnoreCase("noop"))) {
      return NONE;
    }
    if (type != null && !type.equalsIgnoreCase("default")) {
      throw DruidException.invalidInput("Unknown limitSpec type[%s]: expected default", type);
    }
    if (offset != null && offset < 0) {
      throw DruidException.invalidInput("offset[%d] must be >= 0", offset);
    }
    if (limit != null && limit <= 0) {
      throw DruidException.invalidInput("limit[%d] must be > 0", limit);
    }
    return new LimitSpec(columns == null ? List.of() : columns, offset == null ? 0 : offset,
        limit == null ? Integer.MAX_VALUE : limit);
  }

  @JsonProperty
  public String getType() {
    return "default";
  }

  @JsonProperty
  public List<OrderByColumnSpec> getColumns() {
    return columns;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  public int getOffset() {
    return offset;
  }

  @JsonProperty
  public Integer getLimit() {
    return limit == Integer.MAX_VALUE ? null : limit;
  }

  public int limit() {
    return limit;
  }

  public boolean isLimited() {
    return limit < Integer.MAX_VALUE;
  }

  /** This spec keeping only the ordering columns in {@code names} (for a subtotal). */
  public LimitSpec filterColumns(Set<String> names) {
    return new LimitSpec(columns.stream().filter(c -> names.contains(c.getDimension())).toList(), offset, limit);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LimitSpec that && columns.equals(that.columns) && offset == that.offset && limit == that.limit;
  }

  @Override
  public int hashCode() {
    return Objects.hash(columns, offset, limit);
  }

  @Override
  public String toString() {
    return "LimitSpec{columns=" + columns + ", offset=" + offset + ", limit=" + limit + "}";
  }
}
