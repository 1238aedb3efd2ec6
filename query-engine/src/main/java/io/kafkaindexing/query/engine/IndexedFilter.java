package io.kafkaindexing.query.engine;

import io.kafkaindexing.query.filter.AndDimFilter;
import io.kafkaindexing.query.filter.ColumnIndexes;
import io.kafkaindexing.query.filter.DimFilter;
import java.util.ArrayList;
import java.util.List;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/**
 * How a filter is evaluated on one segment: the row ids indexes allow ({@code rows}, null for all
 * rows) and what is left to test row by row ({@code residual}, null for nothing). A filter the
 * indexes answer whole needs no residual; a top-level {@code and} keeps its index-answerable fields
 * in {@code rows} and the others in the residual (sound because a row matches an {@code and} only
 * when every field is true). Immutable.
 */
record IndexedFilter(ImmutableRoaringBitmap rows, DimFilter residual) {
  static final IndexedFilter NONE = new IndexedFilter(null, null);

  static IndexedFilter plan(DimFilter filter, ColumnIndexes indexes) {
    ImmutableRoaringBitmap whole = filter.bitmap(indexes, false);
    if (whole != null) {
      return new IndexedFilter(whole, null);
    }
    if (!(filter instanceof AndDimFilter and)) {
      return new IndexedFilter(null, filter);
    }
    MutableRoaringBitmap rows = null;
    List<DimFilter> rest = new ArrayList<>();
    for (DimFilter field : and.getFields()) {
      ImmutableRoaringBitmap b = field.bitmap(indexes, false);
      if (b == null) {
        rest.add(field);
      } else {
        rows = rows == null ? b.toMutableRoaringBitmap() : ImmutableRoaringBitmap.and(rows, b);
      }
    }
    DimFilter residual = rest.size() == 1 ? rest.get(0) : new AndDimFilter(rest);
    return new IndexedFilter(rows, residual);
  }
}
