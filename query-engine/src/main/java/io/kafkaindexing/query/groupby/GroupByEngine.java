package io.kafkaindexing.query.groupby;

import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.QueryContexts;
import io.kafkaindexing.query.QueryDeadline;
import io.kafkaindexing.query.QuerySegment;
import io.kafkaindexing.query.aggregation.Aggregations;
import io.kafkaindexing.query.dimension.DimensionReader;
import io.kafkaindexing.query.dimension.FixedDictionarySelectors;
import io.kafkaindexing.query.dimension.DimensionSpec;
import io.kafkaindexing.query.engine.ArrayKernels;
import io.kafkaindexing.query.engine.CombiningColumns;
import io.kafkaindexing.query.engine.FilteredCursor;
import io.kafkaindexing.query.engine.IdSlotAggregators;
import io.kafkaindexing.segment.aggregation.Aggregator;
import io.kafkaindexing.segment.column.DimensionSelector;
import io.kafkaindexing.segment.column.IndexedInts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a groupBy query on one segment: aggregates the matching rows per (time bucket, dimension
 * values) key; a row with several values in some dimensions counts in every combination of them
 * (unless context {@code groupByEnableMultiValueUnnesting} is false: then such a row is an error).
 * With granularity {@code all} every row gets the query's universal timestamp. Gives the groups with
 * their raw aggregates, unordered. One dimension over a fixed dictionary (persisted segments) with
 * granularity all is grouped on dictionary ids in an array, values looked up once per group. Stateless.
 */
public final class GroupByEngine {
  /** Context key: false refuses to group on multi-value rows instead of counting each value. */
  public static final String CTX_MULTI_VALUE_UNNESTING = "groupByEnableMultiValueUnnesting";

  public List<GroupRow> run(GroupByQuery query, QuerySegment segment, QueryDeadline deadline) {
    if (query.getDimensions().size() == 1 && !query.hasTimestamp()) {
      ArrayKernels kernels = ArrayKernels.plan(segment, query.getFilter(), query.virtualColumns(), query.aggregations());
      int[] ids = kernels == null ? null : kernels.dictionaryIds(query.getDimensions().get(0));
      if (ids != null) {
        return byArrays(query, kernels, ids);
      }
    }
    FilteredCursor cursor = new FilteredCursor(segment, query.getFilter(), query.virtualColumns(), deadline);
    int n = query.getDimensions().size();
    boolean unnest = QueryContexts.getBoolean(query.getContext(), CTX_MULTI_VALUE_UNNESTING, true);
    if (n == 1 && !query.hasTimestamp()) {
      DimensionSelector ids = FixedDictionarySelectors.forGrouping(query.getDimensions().get(0), cursor.selectors());
      if (ids != null) {
        return byIds(query, cursor, ids, unnest);
      }
    }
    DimensionReader[] readers = new DimensionReader[n];
    for (int i = 0; i < n; i++) {
      readers[i] = new DimensionReader(query.getDimensions().get(i), cursor.selectors());
    }
    Aggregations aggs = query.aggregations();
    Map<GroupRow.Key, Aggregator[]> groups = new LinkedHashMap<>();
    List<List<Object>> values = new ArrayList<>(n);
    for (; !cursor.isDone(); cursor.advance()) {
      long time = query.hasTimestamp() ? query.getGranularity().bucketStart(cursor.time())
          : query.universalTimestamp();
      values.clear();
      for (int i = 0; i < n; i++) {
        List<Object> read = readers[i].read();
        if (!unnest && read.size() > 1) {
          throw multiValueRefused(query.getDimensions().get(i).getDimension());
        }
        values.add(new ArrayList<>(read));
      }
      aggregateCombinations(time, values, 0, new Object[n], groups, aggs, cursor);
    }
    List<GroupRow> out = new ArrayList<>(groups.size());
    groups.forEach((key, aggregators) -> out.add(new GroupRow(key.timestamp(), key.dims(), values(aggs, aggregators))));
    return out;
  }

  /**
   * One dimension over a fixed dictionary, granularity all: aggregators per dictionary id in an array
   * (slot id + 1, so the -1 of an empty row has a slot), the value looked up once per group; groups
   * come in the order their first row came, as with the map of values.
   */
  private static List<GroupRow> byIds(GroupByQuery query, FilteredCursor cursor, DimensionSelector ids, boolean unnest) {
    Aggregations aggs = query.aggregations();
    IdSlotAggregators slots = new IdSlotAggregators(aggs, ids.getValueCardinality());
    for (; !cursor.isDone(); cursor.advance()) {
      IndexedInts row = ids.getRow();
      if (!unnest && row.size() > 1) {
        throw multiValueRefused(query.getDimensions().get(0).getDimension());
      }
      slots.aggregate(row, cursor.selectors());
    }
    List<GroupRow> out = new ArrayList<>(slots.groups());
    for (int k = 0; k < slots.groups(); k++) {
      int slot = slots.order()[k];
      Object value = slot == 0 ? null : ids.lookupName(slot - 1);
      out.add(new GroupRow(query.universalTimestamp(), new Object[] {value}, values(aggs, slots.aggregators(slot))));
    }
    return out;
  }

  /**
   * One single-value dictionary column, granularity all, over decoded column arrays
   * ({@link ArrayKernels}): the groups {@link #byIds} gives, in the same order, or kept compact
   * ({@link CompactGroupRows}) for the merge, in key order; when the merge reads only the limit's
   * window ({@link GroupByMerger#readsWindowOnly}), the first {@code offset + limit} of them only.
   */
  private static List<GroupRow> byArrays(GroupByQuery query, ArrayKernels kernels, int[] ids) {
    Aggregations aggs = query.aggregations();
    DimensionSpec dimension = query.getDimensions().get(0);
    boolean compact = CombiningColumns.supports(aggs.aggregators());
    // Compact rows are merged by value and want the key order: id order, not first-row order.
    ArrayKernels.Groups groups = kernels.aggregateByIds(0, kernels.count(), ids, kernels.cardinality(dimension),
        !compact);
    if (compact) {
      int[] order = groups.ids();
      int n = order.length;
      if (GroupByMerger.readsWindowOnly(query)) {
        // Groups come in id order, which is the key order (a fixed dictionary is sorted, null first).
        LimitSpec limit = query.getLimitSpec();
        n = (int) Math.min(n, (long) limit.getOffset() + limit.limit());
      }
      String[] names = new String[n];
      for (int k = 0; k < n; k++) {
        names[k] = kernels.lookupName(dimension, order[k]);
      }
      List<String> aggregatorNames = new ArrayList<>(aggs.aggregators().size());
      aggs.aggregators().forEach(a -> aggregatorNames.add(a.getName()));
      return new CompactGroupRows(query.universalTimestamp(), names, groups.columns(order, n), aggregatorNames);
    }
    List<GroupRow> out = new ArrayList<>(groups.ids().length);
    for (int id : groups.ids()) {
      Map<String, Object> v = new LinkedHashMap<>();
      for (int i = 0; i < aggs.aggregators().size(); i++) {
        v.put(aggs.aggregators().get(i).getName(), groups.value(i, id));
      }
      out.add(new GroupRow(query.universalTimestamp(), new Object[] {kernels.lookupName(dimension, id)}, v));
    }
    return out;
  }

  private static Map<String, Object> values(Aggregations aggs, Aggregator[] aggregators) {
    Map<String, Object> v = new LinkedHashMap<>();
    for (int i = 0; i < aggregators.length; i++) {
      v.put(aggs.aggregators().get(i).getName(), aggregators[i].get());
    }
    return v;
  }

  private static DruidException multiValueRefused(String dimension) {
    return DruidException.invalidInput("Encountered multi-value dimension[%s] that cannot be processed with "
        + "'%s' set to false: set it to true in the query context", dimension, CTX_MULTI_VALUE_UNNESTING);
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
