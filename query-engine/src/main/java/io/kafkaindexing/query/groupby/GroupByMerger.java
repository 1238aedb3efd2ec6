package io.kafkaindexing.query.groupby;

import io.kafkaindexing.query.QueryContexts;
import io.kafkaindexing.query.aggregation.Aggregations;
import io.kafkaindexing.query.aggregation.GroupingAggregatorFactory;
import io.kafkaindexing.query.dimension.DimensionSpec;
import io.kafkaindexing.query.engine.NullColumnSelectorFactory;
import io.kafkaindexing.query.groupby.having.HavingRow;
import io.kafkaindexing.segment.aggregation.Aggregator;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.column.ValueType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges per-segment groupBy results as Druid's Broker does: equal keys combine; groups are ordered
 * by time then dimension values (strings lexicographically, numbers numerically, nulls first);
 * post-aggregators are computed; {@code subtotalsSpec} re-groups the merged groups once per subset
 * of dimensions (the others null) and concatenates them, {@code grouping} aggregators telling which
 * grouping set a row belongs to; a summary row of empty aggregates stands
 * in for no groups when there are no dimensions and granularity is {@code all}; then
 * {@code having} and {@code limitSpec} (see {@link GroupByLimiter}) apply, and last the aggregates
 * are finalized. Compact per-segment rows ({@link CompactGroupRows}) are grouped on primitives
 * ({@link GroupByArrayMerge}), and when nothing but the limit reads the groups, rows are built for
 * the limit's window only. Stateless.
 */
public final class GroupByMerger {
  /** Natural order of grouping values: nulls first, numbers numerically, strings lexicographically. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static final Comparator<Object> NATURAL = Comparator.nullsFirst((a, b) -> {
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    return ((Comparable) a).compareTo(b);
  });

  public List<GroupByResultRow> merge(GroupByQuery query, List<List<GroupRow>> partials) {
    Aggregations aggs = query.aggregations();
    boolean finalize = QueryContexts.isFinalize(query.getContext());
    List<String> dimNames = dimensionNames(query);
    List<GroupRow> merged;
    GroupByArrayMerge arrays = GroupByArrayMerge.of(query, partials);
    if (arrays != null) {
      if (readsWindowOnly(query)) {
        // Nothing reads the rows outside the limit's window: build those only.
        int[] window = GroupByLimiter.window(query, arrays.size());
        return finish(arrays.rows(window[0], window[1]), aggs, dimNames, finalize);
      }
      merged = arrays.rows(0, arrays.size());
    } else {
      List<GroupRow> rows = new ArrayList<>();
      for (List<GroupRow> p : partials) {
        rows.addAll(p);
      }
      merged = group(query, rows, null);
    }
    if (query.getSubtotalsSpec() != null) {
      List<GroupRow> all = new ArrayList<>();
      for (List<String> subtotal : query.getSubtotalsSpec()) {
        all.addAll(group(query, merged, subtotal));
      }
      merged = all;
    }
    merged.forEach(r -> aggs.computePostAggregators(r.values));
    if (merged.isEmpty() && needsSummaryRow(query)) {
      merged.add(summaryRow(query));
    }
    if (query.getHaving() != null) {
      Map<String, AggregatorFactory> byName = new HashMap<>();
      aggs.aggregators().forEach(a -> byName.put(a.getName(), a));
      Map<String, ValueType> signature = signature(query);
      merged.removeIf(r -> !query.getHaving().eval(new HavingRow(r.timestamp, r.event(dimNames), byName, signature)));
    }
    return finish(GroupByLimiter.apply(query, merged), aggs, dimNames, finalize);
  }

  /**
   * True when the merged groups are read only through the limit's window of the key order: no
   * subtotals, post-aggregators, having, or ordering other than the key order. Then a group whose
   * key is not among the first {@code offset + limit} keys of its segment cannot be in the answer
   * (the keys before it in the merge include those before it in its segment).
   */
  static boolean readsWindowOnly(GroupByQuery query) {
    return query.getSubtotalsSpec() == null && query.aggregations().postAggregators().isEmpty()
        && query.getHaving() == null && !GroupByLimiter.sortingNeeded(query);
  }

  /** The result rows: aggregates finalized (unless not to), dimensions then values as the event. */
  private static List<GroupByResultRow> finish(List<GroupRow> rows, Aggregations aggs, List<String> dimNames,
      boolean finalize) {
    List<GroupByResultRow> out = new ArrayList<>(rows.size());
    for (GroupRow r : rows) {
      if (finalize) {
        aggs.finalizeAggregators(r.values);
      }
      out.add(new GroupByResultRow(r.timestamp, r.event(dimNames)));
    }
    return out;
  }

  /**
   * Combines rows with equal keys, ordered by key. With {@code subtotal} non-null, dimensions not
   * named in it are set to null first.
   */
  private static List<GroupRow> group(GroupByQuery query, List<GroupRow> rows, List<String> subtotal) {
    List<DimensionSpec> dims = query.getDimensions();
    // Keys of strings (and nulls) only: equal under the key order exactly when equal as lists, so a
    // hash map groups them as the sorted map would; the groups are then sorted once.
    boolean strings = true;
    for (int k = 0; strings && k < rows.size(); k++) {
      for (Object d : rows.get(k).dims) {
        if (d != null && !(d instanceof String)) {
          strings = false;
          break;
        }
      }
    }
    Map<Object, GroupRow> groups = strings ? new HashMap<>() : new TreeMap<>((a, b) -> keyOrder().compare(
        (GroupRow.Key) a, (GroupRow.Key) b));
    for (GroupRow r : rows) {
      Object[] keyDims = r.dims.clone();
      if (subtotal != null) {
        for (int i = 0; i < dims.size(); i++) {
          if (!subtotal.contains(dims.get(i).getOutputName())) {
            keyDims[i] = null;
          }
        }
      }
      Object key = strings ? new HashKey(r.timestamp, Arrays.asList(keyDims)) : new GroupRow.Key(r.timestamp, keyDims);
      GroupRow existing = groups.get(key);
      if (existing == null) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (AggregatorFactory a : query.getAggregatorSpecs()) {
          values.put(a.getName(), r.values.get(a.getName()));
        }
        groups.put(key, new GroupRow(r.timestamp, keyDims, values));
      } else {
        query.aggregations().combineInto(existing.values, r.values);
      }
    }
    Collection<String> keyDimensions = subtotal != null ? subtotal : dimensionNames(query);
    for (AggregatorFactory a : query.getAggregatorSpecs()) {
      if (a instanceof GroupingAggregatorFactory grouping) {
        long value = grouping.valueFor(keyDimensions);
        groups.values().forEach(g -> g.values.put(grouping.getName(), value));
      }
    }
    List<GroupRow> out = new ArrayList<>(groups.values());
    if (strings) {
      Comparator<GroupRow.Key> order = keyOrder();
      out.sort((a, b) -> order.compare(new GroupRow.Key(a.timestamp, a.dims), new GroupRow.Key(b.timestamp, b.dims)));
    }
    return out;
  }

  /** A group key of strings and nulls with list equality. */
  private record HashKey(long timestamp, List<Object> dims) {}

  static Comparator<GroupRow.Key> keyOrder() {
    return (a, b) -> {
      int c = Long.compare(a.timestamp(), b.timestamp());
      for (int i = 0; c == 0 && i < a.dims().length; i++) {
        c = NATURAL.compare(a.dims()[i], b.dims()[i]);
      }
      return c;
    };
  }

  private static boolean needsSummaryRow(GroupByQuery query) {
    return query.getDimensions().isEmpty() && !query.hasTimestamp() && query.getLimitSpec().getOffset() == 0;
  }

  private static GroupRow summaryRow(GroupByQuery query) {
    Aggregations aggs = query.aggregations();
    Aggregator[] empty = aggs.factorize(NullColumnSelectorFactory.INSTANCE);
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < empty.length; i++) {
      values.put(aggs.aggregators().get(i).getName(), empty[i].get());
    }
    aggs.computePostAggregators(values);
    return new GroupRow(query.universalTimestamp(), new Object[0], values);
  }

  static List<String> dimensionNames(GroupByQuery query) {
    List<String> names = new ArrayList<>();
    query.getDimensions().forEach(d -> names.add(d.getOutputName()));
    return names;
  }

  /** Column types of result rows: dimensions by output type, aggregators by finalized type. */
  private static Map<String, ValueType> signature(GroupByQuery query) {
    Map<String, ValueType> signature = new HashMap<>();
    query.getDimensions().forEach(d -> signature.put(d.getOutputName(), d.getOutputType()));
    query.getAggregatorSpecs().forEach(a -> signature.put(a.getName(), a.getResultType()));
    return signature;
  }
}
