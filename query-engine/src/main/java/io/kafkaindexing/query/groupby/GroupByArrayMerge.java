package io.kafkaindexing.query.groupby;

import io.kafkaindexing.query.engine.CombiningColumns;
import io.kafkaindexing.query.engine.NameTable;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grouping step of {@link GroupByMerger} when every partial is a {@link CompactGroupRows} of
 * one timestamp: rows fold into slots of {@link CombiningColumns} found by dimension value in a
 * {@link NameTable}, partial after partial and row after row, the first row of a value taken as it
 * is and each later one combined into it, as the map path combines; the values are then sorted once
 * (nulls first, then {@code String} order: the merge's key order for one string dimension). Rows
 * are built on demand, for a range of that order only, each as the map path would have it.
 * Not thread-safe; one per merge.
 */
final class GroupByArrayMerge {
  private final long timestamp;
  private final List<AggregatorFactory> aggregators;
  private final NameTable table;
  private final CombiningColumns values;
  private final String[] sorted;

  private GroupByArrayMerge(GroupByQuery query, List<CompactGroupRows> partials) {
    int expected = 16;
    for (CompactGroupRows p : partials) {
      expected = Math.max(expected, p.size());
    }
    this.timestamp = partials.get(0).timestamp;
    this.aggregators = query.getAggregatorSpecs();
    this.table = new NameTable(expected);
    this.values = new CombiningColumns(aggregators, expected);
    String[] names = new String[expected];
    for (CompactGroupRows p : partials) {
      if (!values.accepts(p.columns)) {
        throw new IllegalStateException("GroupBy partials of different column types");
      }
      for (int i = 0; i < p.size(); i++) {
        String name = p.names[i];
        int slot = table.get(name);
        if (slot >= 0) {
          values.combine(slot, p.columns, i);
          continue;
        }
        slot = values.add(p.columns, i);
        if (slot == names.length) {
          names = Arrays.copyOf(names, names.length * 2);
        }
        names[slot] = name;
        table.put(name, slot);
      }
    }
    this.sorted = Arrays.copyOf(names, values.size());
    Arrays.sort(sorted, Comparator.nullsFirst(Comparator.naturalOrder()));
  }

  /**
   * The merge of {@code partials} when they are all compact rows of one timestamp (some at least)
   * or empty, for a query of one dimension; else null.
   */
  static GroupByArrayMerge of(GroupByQuery query, List<List<GroupRow>> partials) {
    if (query.getDimensions().size() != 1 || query.hasTimestamp()
        || !CombiningColumns.supports(query.getAggregatorSpecs())) {
      return null;
    }
    List<CompactGroupRows> compact = new ArrayList<>(partials.size());
    for (List<GroupRow> p : partials) {
      if (p instanceof CompactGroupRows c) {
        if (!compact.isEmpty() && c.timestamp != compact.get(0).timestamp) {
          return null;
        }
        compact.add(c);
      } else if (!p.isEmpty()) {
        return null;
      }
    }
    return compact.isEmpty() ? null : new GroupByArrayMerge(query, compact);
  }

  /** Groups. */
  int size() {
    return sorted.length;
  }

  /** Groups {@code [from, to)} in key order, as rows with their aggregates by name (aggregator order). */
  List<GroupRow> rows(int from, int to) {
    List<GroupRow> out = new ArrayList<>(Math.max(0, to - from));
    for (int k = from; k < to; k++) {
      String name = sorted[k];
      int slot = table.get(name);
      Map<String, Object> v = new LinkedHashMap<>();
      for (int i = 0; i < aggregators.size(); i++) {
        v.put(aggregators.get(i).getName(), values.value(i, slot));
      }
      out.add(new GroupRow(timestamp, new Object[] {name}, v));
    }
    return out;
  }
}
