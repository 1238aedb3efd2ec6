package io.kafkaindexing.query.groupby;

import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.QueryContexts;
import io.kafkaindexing.query.QueryDeadline;
import io.kafkaindexing.query.QuerySegment;
import io.kafkaindexing.query.aggregation.Aggregations;
import io.kafkaindexing.query.dimension.DimensionReader;
import io.kafkaindexing.query.engine.FilteredCursor;
import io.kafkaindexing.segment.aggregation.Aggregator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a groupBy query on one segment: aggregates the matching rows per (time bucket, dimension
 * values) key; a row with several values in some dimensions counts in every combination of them
 * (unless context {@code groupByEnableMultiValueUnnesting} is false: then such a row is an error).
 * With granularity {@code all} every row gets the query's universal timestamp. Gives the groups with
 * their raw aggregates, unordered. Stateless.
 */
public final class GroupByEngine {
  /** Context key: false refuses to group on multi-value rows instead of counting each value. */
  public static final String CTX_MULTI_VALUE_UNNESTING = "groupByEnableMultiValueUnnesting";

  public List<GroupRow> run(GroupByQuery query, QuerySegment segment, QueryDeadline deadline) {
    FilteredCursor cursor = new FilteredCursor(segment, query.getFilter(), query.virtualColumns(), deadline);
    int n = query.getDimensions().size();
    DimensionReader[] readers = new DimensionReader[n];
    for (int i = 0; i < n; i++) {
      readers[i] = new DimensionReader(query.getDimensions().get(i), cursor.selectors());
    }
    Aggregations aggs = query.aggregations();
    Map<GroupRow.Key, Aggregator[]> groups = new LinkedHashMap<>();
    List<List<Object>> values = new ArrayList<>(n);
    boolean unnest = QueryContexts.getBoolean(query.getContext(), CTX_MULTI_VALUE_UNNESTING, true);
    for (; !cursor.isDone(); cursor.advance()) {
      long time = query.hasTimestamp() ? query.getGranularity().bucketStart(cursor.time())
          : query.universalTimestamp();
      values.clear();
      for (int i = 0; i < n; i++) {
        List<Object> read = readers[i].read();
        if (!unnest && read.size() > 1) {
          throw DruidException.invalidInput("Encountered multi-value dimension[%s] that cannot be processed with "
              + "'%s' set to false: set it to true in the query context", query.getDimensions().get(i).getDimension(),
              CTX_MULTI_VALUE_UNNESTING);
        }
        values.add(new ArrayList<>(read));
      }
      aggregateCombinations(time, values, 0, new Object[n], groups, aggs, cursor);
    }
    List<GroupRow> out = new ArrayList<>(groups.size());
    groups.forEach((key, aggregators) -> {
      Map<String, Object> v = new LinkedHashMap<>();
      for (int i = 0; i < aggregators.length; i++) {
        v.put(aggs.aggregators().get(i).getName(), aggregators[i].get());
      }
      out.add(new GroupRow(key.timestamp(), key.dims(), v));
    });
    return out;
  }

  private static void aggregateCombinations(long time, List<List<Object>> values, int d, Object[] current,
      Map<GroupRow.Key, Aggregator[]> groups, Aggregations aggs, FilteredCursor cursor) {
    if (d == values.size()) {
      Aggregator[] aggregators = groups.computeIfAbsent(new GroupRow.Key(time, current.clone()),
          k -> aggs.factorize(cursor.selectors()));
      for (Aggregator a : aggregators) {
        a.aggregate();
      }
      return;
    }
    for (Object v : values.get(d)) {
      current[d] = v;
      aggregateCombinations(time, values, d + 1, current, groups, aggs, cursor);
    }
  }
}
