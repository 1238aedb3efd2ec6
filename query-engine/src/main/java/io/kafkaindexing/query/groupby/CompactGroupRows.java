package io.kafkaindexing.query.groupby;

import io.kafkaindexing.query.engine.GroupColumns;
import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * One segment's groups of a single-dimension groupBy with granularity {@code all} over the array
 * kernels, kept compact: the dimension values (in key order; only the first {@code offset + limit}
 * when the merge reads no more, see {@link GroupByMerger#readsWindowOnly}) and the aggregates as
 * primitive columns. As a list it
 * shows the rows {@link GroupByEngine} builds (a new {@link GroupRow} per {@link #get}, values in
 * aggregator order), so the general merge reads it as before; {@link GroupByArrayMerge} merges these
 * without a map per row. Immutable.
 */
final class CompactGroupRows extends AbstractList<GroupRow> implements RandomAccess {
  final long timestamp;
  final String[] names;
  final GroupColumns columns;
  private final List<String> aggregatorNames;

  CompactGroupRows(long timestamp, String[] names, GroupColumns columns, List<String> aggregatorNames) {
    this.timestamp = timestamp;
    this.names = names;
    this.columns = columns;
    this.aggregatorNames = aggregatorNames;
  }

  @Override
  public GroupRow get(int index) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < aggregatorNames.size(); i++) {
      values.put(aggregatorNames.get(i), columns.value(i, index));
    }
    return new GroupRow(timestamp, new Object[] {names[index]}, values);
  }

  @Override
  public int size() {
    return names.length;
  }
}
