package io.kafkaindexing.segment.persisted;

import io.kafkaindexing.segment.column.ColumnCapabilities;
import io.kafkaindexing.segment.format.CompressedNumericColumn;
import io.kafkaindexing.segment.read.ColumnIndexSupplier;
import io.kafkaindexing.segment.read.ColumnNames;
import io.kafkaindexing.segment.read.Cursor;
import io.kafkaindexing.segment.read.DictionaryEncodedValueIndex;
import io.kafkaindexing.segment.read.SegmentMetadata;
import io.kafkaindexing.segment.read.SegmentView;
import io.kafkaindexing.segment.read.TimeRangeIndex;
import java.util.List;
import org.joda.time.Interval;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/**
 * A view of a {@link PersistedSegment}. Rows are numbered in stored order, which is time order, so
 * the time index is a binary search. Not thread-safe: confined to the thread that opened it.
 */
final class PersistedSegmentView implements SegmentView {
  private final PersistedSegment segment;
  private boolean closed;

  PersistedSegmentView(PersistedSegment segment) {
    this.segment = segment;
  }

  @Override
  public Interval getDataInterval() {
    return segment.getDataInterval();
  }

  @Override
  public int getNumRows() {
    checkOpen();
    return segment.getNumRows();
  }

  @Override
  public List<String> getDimensionNames() {
    return segment.getDimensionNames();
  }

  @Override
  public List<String> getMetricNames() {
    return segment.getMetricNames();
  }

  @Override
  public SegmentMetadata getMetadata() {
    return segment.getMetadata();
  }

  @Override
  public ColumnCapabilities getColumnCapabilities(String column) {
    checkOpen();
    PersistedColumn c = segment.columns().get(column);
    return c == null ? null : c.capabilities();
  }

  @Override
  public ColumnIndexSupplier getIndexSupplier(String column) {
    checkOpen();
    PersistedColumn c = segment.columns().get(column);
    Object index;
    if (ColumnNames.TIME.equals(column)) {
      TimeRangeIndex time = interval -> {
        int[] range = rowRange(interval);
        MutableRoaringBitmap rows = new MutableRoaringBitmap();
        rows.add((long) range[0], (long) range[1]);
        return rows;
      };
      index = time;
    } else if (c instanceof PersistedColumn.Strings s && s.part().hasBitmaps()) {
      index = new ValueIndex(s);
    } else if (c instanceof PersistedColumn.AllNull a && a.type() == io.kafkaindexing.segment.column.ValueType.STRING) {
      index = new NullOnlyIndex(a.numRows());
    } else {
      return null;
    }
    return new ColumnIndexSupplier() {
      @Override
      public <T> T as(Class<T> indexType) {
        return indexType.isInstance(index) ? indexType.cast(index) : null;
      }
    };
  }

  /** {@code [first, end)} row ids whose time is in {@code interval}. */
  int[] rowRange(Interval interval) {
    int n = segment.getNumRows();
    if (n == 0) {
      return new int[] {0, 0};
    }
    long[] bounds = segment.timeBounds();
    CompressedNumericColumn.Reader time = null;
    int[] range = new int[2];
    long[] ends = {interval.getStartMillis(), interval.getEndMillis()};
    for (int i = 0; i < 2; i++) {
      // Most query intervals start before and end after a segment's rows: no search needed.
      if (ends[i] <= bounds[0]) {
        range[i] = 0;
      } else if (ends[i] > bounds[1]) {
        range[i] = n;
      } else {
        if (time == null) {
          time = ((PersistedColumn.Numeric) segment.columns().get(ColumnNames.TIME)).values().reader();
        }
        range[i] = lowerBound(time, n, ends[i]);
      }
    }
    return range;
  }

  @Override
  public long getMinTime() {
    checkOpen();
    return segment.timeBounds()[0];
  }

  @Override
  public long getMaxTime() {
    checkOpen();
    return segment.timeBounds()[1];
  }

  private static int lowerBound(CompressedNumericColumn.Reader time, int n, long t) {
    int lo = 0;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (time.getLong(mid) < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  @Override
  public Cursor makeCursor(Interval interval, ImmutableRoaringBitmap rows) {
    checkOpen();
    int[] range = interval.getStartMillis() >= interval.getEndMillis() ? new int[] {0, 0} : rowRange(interval);
    return new PersistedCursor(segment, range[0], range[1], rows);
  }

  @Override
  public io.kafkaindexing.segment.read.ColumnArrays columnArrays() {
    checkOpen();
    return DecodedColumnCache.get().capacityBytes() > 0 ? new PersistedColumnArrays(segment, this) : null;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("Segment view is closed");
    }
  }

  @Override
  public void close() {
    closed = true;
  }

  /** The dictionary and bitmaps of a string column. */
  private static final class ValueIndex implements DictionaryEncodedValueIndex {
    private final PersistedColumn.Strings column;

    ValueIndex(PersistedColumn.Strings column) {
      this.column = column;
    }

    @Override
    public int getCardinality() {
      return column.part().dictionary().size();
    }

    @Override
    public String getValue(int id) {
      return column.part().dictionary().get(id);
    }

    @Override
    public int getId(String value) {
      return column.part().dictionary().indexOf(value);
    }

    @Override
    public ImmutableRoaringBitmap getBitmap(int id) {
      return id >= 0 && id < getCardinality() ? column.part().bitmap(id) : new MutableRoaringBitmap();
    }

    @Override
    public boolean isSorted() {
      return true;
    }

    @Override
    public int[] containsAsciiCandidates(String needle, boolean ignoreCase) {
      return column.part().dictionary().containsAsciiCandidates(needle, ignoreCase);
    }
  }

  /** The index of a null-only string column: one value, null, held by every row. */
  private record NullOnlyIndex(int numRows) implements DictionaryEncodedValueIndex {
    @Override
    public int getCardinality() {
      return 1;
    }

    @Override
    public String getValue(int id) {
      return null;
    }

    @Override
    public int getId(String value) {
      return value == null ? 0 : -1;
    }

    @Override
    public ImmutableRoaringBitmap getBitmap(int id) {
      MutableRoaringBitmap rows = new MutableRoaringBitmap();
      if (id == 0) {
        rows.add(0L, (long) numRows);
      }
      return rows;
    }

    @Override
    public boolean isSorted() {
      return true;
    }
  }
}
