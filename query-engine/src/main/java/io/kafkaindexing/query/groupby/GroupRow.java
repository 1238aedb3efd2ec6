package io.kafkaindexing.query.groupby;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One group while a groupBy runs: its timestamp, its dimension values (in query dimension order,
 * null for a null value or a dimension left out of a subtotal) and its values by name (aggregates,
 * then post-aggregates once computed). Mutable; confined to the query's thread.
 */
final class GroupRow {
  final long timestamp;
  final Object[] dims;
  final Map<String, Object> values;

  GroupRow(long timestamp, Object[] dims, Map<String, Object> values) {
    this.timestamp = timestamp;
    this.dims = dims;
    this.values = values;
  }

  /** Dimensions by output name, then the values: the row's {@code event}. */
  Map<String, Object> event(List<String> dimensionNames) {
    Map<String, Object> event = new LinkedHashMap<>();
    for (int i = 0; i < dims.length; i++) {
      event.put(dimensionNames.get(i), dims[i]);
    }
    event.putAll(values);
    return event;
  }

  /** The grouping key (timestamp and dimension values). */
  Key key() {
    return new Key(timestamp, dims);
  }

  /** A grouping key with value equality. */
  record Key(long timestamp, Object[] dims) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && timestamp == k.timestamp && Arrays.equals(dims, k.dims);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(timestamp) * 31 + Arrays.hashCode(dims);
    }
  }
}
