package io.kafkaindexing.query.groupby;

import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.aggregation.PostAggregator;
import io.kafkaindexing.query.dimension.DimensionSpec;
import io.kafkaindexing.query.ordering.StringComparator;
import io.kafkaindexing.query.ordering.StringComparators;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.column.ValueType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies a groupBy {@code limitSpec} as Druid's {@code DefaultLimitSpec}: rows come sorted by time
 * and dimensions; they are re-sorted (stably) only when the ordering columns differ from that
 * natural order: by time (unless context {@code sortByDimsFirst}), then each column (aggregators and
 * post-aggregators with their comparators, dimensions as strings with {@code dimensionOrder}, nulls
 * first, reversed when descending); then the offset is skipped and the limit kept. Stateless.
 */
final class GroupByLimiter {
  private GroupByLimiter() {}

  static List<GroupRow> apply(GroupByQuery query, List<GroupRow> rows) {
    LimitSpec spec = query.getLimitSpec();
    List<GroupRow> sorted = rows;
    if (sortingNeeded(query)) {
      sorted = new ArrayList<>(rows);
      sorted.sort(ordering(query));
    }
    int[] window = window(query, sorted.size());
    return new ArrayList<>(sorted.subList(window[0], window[1]));
  }

  /** The rows {@code [from, to)} of {@code size} sorted ones that the offset and limit keep. */
  static int[] window(GroupByQuery query, int size) {
    LimitSpec spec = query.getLimitSpec();
    long end = Math.min((long) spec.getOffset() + spec.limit(), size);
    int from = Math.min(spec.getOffset(), size);
    return new int[] {from, (int) Math.max(from, end)};
  }

  private static boolean sortByDimsFirst(GroupByQuery query) {
    return io.kafkaindexing.query.QueryContexts.getBoolean(query.getContext(), "sortByDimsFirst", false);
  }

  static boolean sortingNeeded(GroupByQuery query) {
    List<OrderByColumnSpec> columns = query.getLimitSpec().getColumns();
    List<DimensionSpec> dims = query.getDimensions();
    if (dims.size() < columns.size()) {
      return true;
    }
    for (int i = 0; i < columns.size(); i++) {
      OrderByColumnSpec c = columns.get(i);
      if (query.aggregations().aggregator(c.getDimension()) != null
          || query.aggregations().postAggregator(c.getDimension()) != null) {
        return true;
      }
      DimensionSpec dim = dimension(query, c);
      StringComparator natural = dim.getOutputType().isNumeric() ? StringComparators.NUMERIC
          : StringComparators.LEXICOGRAPHIC;
      if (c.isDescending() || c.getDimensionOrder() != natural || !c.getDimension().equals(dims.get(i).getOutputName())) {
        return true;
      }
    }
    return query.hasTimestamp() && sortByDimsFirst(query);
  }

  private static DimensionSpec dimension(GroupByQuery query, OrderByColumnSpec c) {
    for (DimensionSpec d : query.getDimensions()) {
      if (d.getOutputName().equals(c.getDimension())) {
        return d;
      }
    }
    throw DruidException.invalidInput("Unknown column in order clause[%s]", c);
  }

  private static Comparator<GroupRow> ordering(GroupByQuery query) {
    List<String> dimNames = GroupByMerger.dimensionNames(query);
    Comparator<GroupRow> columns = null;
    for (OrderByColumnSpec c : query.getLimitSpec().getColumns()) {
      Comparator<GroupRow> next = column(query, dimNames, c);
      if (c.isDescending()) {
        next = next.reversed();
      }
      columns = columns == null ? next : columns.thenComparing(next);
    }
    Comparator<GroupRow> time = query.hasTimestamp() ? Comparator.comparingLong(r -> r.timestamp) : null;
    if (columns == null) {
      return time == null ? (a, b) -> 0 : time;
    }
    if (time == null) {
      return columns;
    }
    return sortByDimsFirst(query) ? columns.thenComparing(time) : time.thenComparing(columns);
  }

  private static Comparator<GroupRow> column(GroupByQuery query, List<String> dimNames, OrderByColumnSpec c) {
    String name = c.getDimension();
    PostAggregator post = query.aggregations().postAggregator(name);
    if (post != null) {
      return Comparator.comparing(r -> r.values.get(name), Comparator.nullsFirst(post.getComparator()));
    }
    AggregatorFactory agg = query.aggregations().aggregator(name);
    if (agg != null) {
      return Comparator.comparing(r -> r.values.get(name), Comparator.nullsFirst(agg.getComparator()));
    }
    int index = dimNames.indexOf(name);
    if (index < 0) {
      throw DruidException.invalidInput("Unknown column in order clause[%s]", c);
    }
    ValueType type = query.getDimensions().get(index).getOutputType();
    StringComparator order = c.getDimensionOrder();
    return Comparator.comparing(r -> {
      Object v = r.dims[index];
      return v == null ? null : type == ValueType.STRING ? (String) v : String.valueOf(v);
    }, Comparator.nullsFirst(order));
  }
}
