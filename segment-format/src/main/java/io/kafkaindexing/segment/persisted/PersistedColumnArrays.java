package io.kafkaindexing.segment.persisted;

import io.kafkaindexing.segment.format.CompressedVSizeInts;
import io.kafkaindexing.segment.read.BlockSums;
import io.kafkaindexing.segment.read.ColumnArrays;
import io.kafkaindexing.segment.read.ColumnNames;
import org.joda.time.Interval;
import org.roaringbitmap.IntIterator;

/**
 * {@link ColumnArrays} of a {@link PersistedSegment}, decoded on first use and kept in the
 * {@link DecodedColumnCache}. Thread-safe.
 */
final class PersistedColumnArrays implements ColumnArrays {
  private final PersistedSegment segment;
  private final PersistedSegmentView view;

  PersistedColumnArrays(PersistedSegment segment, PersistedSegmentView view) {
    this.segment = segment;
    this.view = view;
  }

  @Override
  public int[] rowRange(Interval interval) {
    if (interval.getStartMillis() >= interval.getEndMillis()) {
      return new int[] {0, 0};
    }
    return view.rowRange(interval);
  }

  @Override
  public long[] times() {
    return longs(ColumnNames.TIME);
  }

  private PersistedColumn.Numeric numeric(String column) {
    return segment.columns().get(column) instanceof PersistedColumn.Numeric n ? n : null;
  }

  @Override
  public boolean isNumeric(String column) {
    return numeric(column) != null;
  }

  @Override
  public long[] longs(String column) {
    PersistedColumn.Numeric n = numeric(column);
    return n == null ? null : DecodedColumnCache.get().get(segment, column, 'l', () -> n.values().toLongArray());
  }

  @Override
  public double[] doubles(String column) {
    PersistedColumn.Numeric n = numeric(column);
    return n == null ? null : DecodedColumnCache.get().get(segment, column, 'd', () -> n.values().toDoubleArray());
  }

  @Override
  public float[] floats(String column) {
    PersistedColumn.Numeric n = numeric(column);
    return n == null ? null : DecodedColumnCache.get().get(segment, column, 'f', () -> n.values().toFloatArray());
  }

  @Override
  public int numRows() {
    return segment.getNumRows();
  }

  @Override
  public long lastTime() {
    return segment.timeBounds()[1];
  }

  @Override
  public long[] longBlockSums(String column) {
    return numeric(column) == null ? null : segment.blockSums(column, 'L', () -> BlockSums.ofLongs(longs(column)));
  }

  @Override
  public long[] wholeDoubleBlockSums(String column) {
    // a column whose sums are not exact is kept as having none, so it is checked once
    return numeric(column) == null ? null
        : segment.blockSums(column, 'W', () -> BlockSums.ofWholeDoubles(doubles(column)));
  }

  @Override
  public long[] nullRows(String column) {
    PersistedColumn.Numeric n = numeric(column);
    if (n == null || n.nulls().isEmpty()) {
      return null;
    }
    return DecodedColumnCache.get().get(segment, column, 'n', () -> {
      long[] words = new long[(n.numRows() + 63) >>> 6];
      IntIterator it = n.nulls().getIntIterator();
      while (it.hasNext()) {
        int r = it.next();
        if (r < n.numRows()) {
          words[r >>> 6] |= 1L << r;
        }
      }
      return words;
    });
  }

  @Override
  public int[] dictionaryIds(String column) {
    if (!(segment.columns().get(column) instanceof PersistedColumn.Strings s) || s.part().hasMultipleValues()) {
      return null;
    }
    return DecodedColumnCache.get().get(segment, column, 'i', () -> {
      CompressedVSizeInts.Reader reader = s.part().singleValues().reader();
      int[] ids = new int[s.numRows()];
      for (int r = 0; r < ids.length; r++) {
        ids[r] = reader.get(r);
      }
      return ids;
    });
  }

  @Override
  public int cardinality(String column) {
    return segment.columns().get(column) instanceof PersistedColumn.Strings s ? s.part().dictionary().size() : 0;
  }

  @Override
  public String lookupName(String column, int id) {
    return id >= 0 && segment.columns().get(column) instanceof PersistedColumn.Strings s
        ? s.part().dictionary().get(id) : null;
  }
}
