package io.kafkaindexing.query.search;

import io.kafkaindexing.query.QueryDeadline;
import io.kafkaindexing.query.Result;
import io.kafkaindexing.query.dimension.DefaultDimensionSpec;
import io.kafkaindexing.query.dimension.DimensionReader;
import io.kafkaindexing.query.dimension.FilteredDimensionSpec;
import io.kafkaindexing.query.dimension.DimensionSpec;
import io.kafkaindexing.query.filter.ColumnIndexes;
import io.kafkaindexing.query.filter.DimFilter;
import io.kafkaindexing.query.filter.ValueMatcher;
import io.kafkaindexing.query.virtual.VirtualColumns;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.read.ColumnIndexSupplier;
import io.kafkaindexing.segment.read.ColumnNames;
import io.kafkaindexing.segment.read.Cursor;
import io.kafkaindexing.segment.read.DictionaryEncodedValueIndex;
import io.kafkaindexing.segment.read.SegmentView;
import io.kafkaindexing.segment.read.TimeRangeIndex;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Interval;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * Runs a search query on one segment, giving exactly one result entry whose timestamp is the start
 * of the segment's data interval. Dimensions with a value index are searched through it (Druid's
 * default {@code useIndexes} strategy): for each dictionary value the query accepts, the count is
 * the number of rows in the interval (and filter) whose bitmap holds it. Other dimensions (numeric
 * ones, read as {@code String.valueOf}, absent ones, read as null) are searched with one cursor pass
 * counting each row holding the value once (Druid's cursor strategy counts repeated values of a
 * multi-value row again; counting rows keeps both paths, and every segment form, in agreement).
 * Virtual columns (never indexed) are searched with the cursor, and a filter reading one is
 * matched row by row. As in Druid, the search stops as soon as {@code min(limit,
 * }{@value #MAX_SEARCH_LIMIT}{@code )} distinct hits are found; the hits are then sorted and cut.
 * Stateless.
 */
public final class SearchEngine {
  /** Druid's {@code druid.query.search.maxSearchLimit} default: no segment contributes more hits. */
  public static final int MAX_SEARCH_LIMIT = 1000;
  private static final int CHECK_EVERY = 1024;

  public Result<SearchResultValue> run(SearchQuery query, SegmentView view, Interval interval,
      QueryDeadline deadline) {
    Hits hits = new Hits(Math.min(query.getLimit(), MAX_SEARCH_LIMIT));
    DimFilter filter = query.getFilter();
    VirtualColumns vcs = query.virtualColumns();
    ImmutableRoaringBitmap filterRows = filter == null ? null : filter.bitmap(new ColumnIndexes(view, vcs), false);
    boolean filterFromIndexes = filter == null || filterRows != null;
    TimeRangeIndex timeIndex = timeIndex(view);
    List<DimensionSpec> viaCursor = new ArrayList<>();
    if (filterFromIndexes && timeIndex != null) {
      ImmutableRoaringBitmap rows = and(rowsIn(view, timeIndex, interval), filterRows);
      for (DimensionSpec dim : dimensionsToSearch(query, view)) {
        DictionaryEncodedValueIndex index = vcs.exists(dim.getDimension()) ? null
            : valueIndex(view, dim.getDimension());
        if (index == null || dim.getExtractionFn() != null || dim instanceof FilteredDimensionSpec) {
          viaCursor.add(dim);
        } else if (!hits.full()) {
          searchIndex(query.getQuerySpec(), dim.getOutputName(), index, rows, hits, deadline);
        }
      }
    } else {
      viaCursor.addAll(dimensionsToSearch(query, view));
    }
    if (!viaCursor.isEmpty() && !hits.full()) {
      Cursor cursor = view.makeCursor(interval, filterFromIndexes ? filterRows : null);
      ColumnSelectorFactory columns = vcs.wrap(cursor.getColumnSelectorFactory());
      ValueMatcher matcher = filterFromIndexes ? null : filter.makeMatcher(columns);
      searchCursor(query.getQuerySpec(), viaCursor, cursor, columns, matcher, hits, deadline);
    }
    return new Result<>(view.getDataInterval().getStartMillis(), new SearchResultValue(hits.sorted(query.getSort())));
  }

  private static void searchIndex(SearchQuerySpec spec, String outputName, DictionaryEncodedValueIndex index,
      ImmutableRoaringBitmap rows, Hits hits, QueryDeadline deadline) {
    // contains / insensitive_contains of ASCII text: scan the dictionary's bytes for candidates,
    // then test only those as every value would be tested (same hits, same order).
    int[] candidates = asciiContains(spec) ? index.containsAsciiCandidates(((ContainsSearchQuerySpec) spec).getValue(),
        !((ContainsSearchQuerySpec) spec).isCaseSensitive()) : null;
    int n = candidates == null ? index.getCardinality() : candidates.length;
    for (int k = 0; k < n && !hits.full(); k++) {
      if (k % CHECK_EVERY == 0) {
        deadline.check();
      }
      int id = candidates == null ? k : candidates[k];
      String value = index.getValue(id);
      if (!spec.accept(value)) {
        continue;
      }
      ImmutableRoaringBitmap bitmap = index.getBitmap(id);
      int count = rows == null ? bitmap.getCardinality() : ImmutableRoaringBitmap.andCardinality(bitmap, rows);
      if (count > 0) {
        hits.add(outputName, value, count);
      }
    }
  }

  private static boolean asciiContains(SearchQuerySpec spec) {
    if (spec.getClass() != ContainsSearchQuerySpec.class && spec.getClass() != InsensitiveContainsSearchQuerySpec.class) {
      return false;
    }
    String value = ((ContainsSearchQuerySpec) spec).getValue();
    if (value == null) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static void searchCursor(SearchQuerySpec spec, List<DimensionSpec> dims, Cursor cursor,
      ColumnSelectorFactory columns, ValueMatcher matcher, Hits hits, QueryDeadline deadline) {
    List<DimensionReader> readers = new ArrayList<>();
    dims.forEach(d -> readers.add(new DimensionReader(asString(d), columns)));
    for (int n = 0; !cursor.isDone() && !hits.full(); cursor.advance(), n++) {
      if (n % CHECK_EVERY == 0) {
        deadline.check();
      }
      if (matcher != null && !matcher.matches(false)) {
        continue;
      }
      for (int d = 0; d < readers.size(); d++) {
        List<Object> row = readers.get(d).read();
        for (int i = 0; i < row.size(); i++) {
          String value = (String) row.get(i);
          if (spec.accept(value) && !row.subList(0, i).contains(value)) {
            hits.add(dims.get(d).getOutputName(), value, 1);
          }
        }
      }
    }
  }

  /** Search reports values as strings whatever the spec's output type. */
  private static DimensionSpec asString(DimensionSpec spec) {
    if (spec instanceof FilteredDimensionSpec) {
      return spec;
    }
    return spec.getExtractionFn() == null ? DefaultDimensionSpec.of(spec.getDimension())
        : new io.kafkaindexing.query.dimension.ExtractionDimensionSpec(spec.getDimension(), spec.getOutputName(), null,
            spec.getExtractionFn());
  }

  /** {@code searchDimensions}, or every dimension of the segment in schema order. */
  private static List<DimensionSpec> dimensionsToSearch(SearchQuery query, SegmentView view) {
    if (!query.getSearchDimensions().isEmpty()) {
      return query.getSearchDimensions();
    }
    List<DimensionSpec> all = new ArrayList<>();
    view.getDimensionNames().forEach(d -> all.add(DefaultDimensionSpec.of(d)));
    return all;
  }

  private static DictionaryEncodedValueIndex valueIndex(SegmentView view, String column) {
    ColumnIndexSupplier supplier = view.getIndexSupplier(column);
    return supplier == null ? null : supplier.as(DictionaryEncodedValueIndex.class);
  }

  private static TimeRangeIndex timeIndex(SegmentView view) {
    ColumnIndexSupplier supplier = view.getIndexSupplier(ColumnNames.TIME);
    return supplier == null ? null : supplier.as(TimeRangeIndex.class);
  }

  /** The rows in {@code interval}; null meaning all rows when the interval covers the data. */
  private static ImmutableRoaringBitmap rowsIn(SegmentView view, TimeRangeIndex index, Interval interval) {
    Interval data = view.getDataInterval();
    if (interval.getStartMillis() <= data.getStartMillis() && interval.getEndMillis() >= data.getEndMillis()) {
      return null;
    }
    return index.rowsIn(interval);
  }

  private static ImmutableRoaringBitmap and(ImmutableRoaringBitmap a, ImmutableRoaringBitmap b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return ImmutableRoaringBitmap.and(a, b);
  }
}
