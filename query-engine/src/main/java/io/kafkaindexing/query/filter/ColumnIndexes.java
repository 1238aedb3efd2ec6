package io.kafkaindexing.query.filter;

import io.kafkaindexing.query.virtual.VirtualColumns;
import io.kafkaindexing.segment.column.ColumnCapabilities;
import io.kafkaindexing.segment.read.ColumnIndexSupplier;
import io.kafkaindexing.segment.read.DictionaryEncodedValueIndex;
import io.kafkaindexing.segment.read.SegmentView;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/**
 * What a filter may learn from indexes alone: the segment's row count and, per column, its
 * capabilities and value index. Virtual columns have capabilities but never indexes (they are
 * matched row by row). Not thread-safe; valid while the view is open.
 */
public final class ColumnIndexes {
  private final SegmentView view;
  private final VirtualColumns virtualColumns;

  public ColumnIndexes(SegmentView view, VirtualColumns virtualColumns) {
    this.view = view;
    this.virtualColumns = virtualColumns == null ? VirtualColumns.EMPTY : virtualColumns;
  }

  public int numRows() {
    return view.getNumRows();
  }

  /** Every row id. */
  public MutableRoaringBitmap allRows() {
    MutableRoaringBitmap rows = new MutableRoaringBitmap();
    rows.add(0L, view.getNumRows());
    return rows;
  }

  /** Capabilities of a stored or virtual column; null when it does not exist. */
  public ColumnCapabilities capabilities(String column) {
    return virtualColumns.capabilities(column, view::getColumnCapabilities);
  }

  /** The dictionary and bitmaps of a stored string column; null for other columns. */
  public DictionaryEncodedValueIndex valueIndex(String column) {
    if (virtualColumns.exists(column)) {
      return null;
    }
    ColumnIndexSupplier supplier = view.getIndexSupplier(column);
    return supplier == null ? null : supplier.as(DictionaryEncodedValueIndex.class);
  }

  /** True when {@code column} is neither stored nor virtual: every row reads null. */
  public boolean isMissing(String column) {
    return capabilities(column) == null;
  }
}
