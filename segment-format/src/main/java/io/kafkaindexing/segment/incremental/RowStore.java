package io.kafkaindexing.segment.incremental;

import java.util.Arrays;

/**
 * The stored rows of an {@link IncrementalIndex} by row id (arrival order), in columns: each row's
 * truncated time in pages of longs, each dimension's encoded value (the dimension's shared
 * {@code int[]} of value ids, a boxed number, or null) in pages of references, by the dimension's
 * position. A row costs 8 bytes plus one reference per dimension and no object of its own: with an
 * object and an array per row, the rows of an index were most of what each young collection copied
 * and what filled the old generation between persists. A dimension discovered after some rows
 * reads null for them (its pages start empty). Not thread-safe: guarded by the index's lock.
 */
final class RowStore {
  private static final int PAGE_SHIFT = 12;
  private static final int PAGE_SIZE = 1 << PAGE_SHIFT;
  private static final int PAGE_MASK = PAGE_SIZE - 1;
  private static final Object[][] NO_PAGES = new Object[0][];

  private long[][] timePages = new long[4][];
  /** Per dimension position, its pages (null: no non-null value stored in the page yet). */
  private Object[][][] dimPages = new Object[0][][];
  private int size;
  /** The page rows are appended to: its times, and its values per dimension (null until one is stored). */
  private long[] appendTimes;
  private Object[][] appendDims = new Object[0][];

  int size() {
    return size;
  }

  /** The number of dimension columns (positions) the store has seen. */
  int dimensionCount() {
    return dimPages.length;
  }

  /**
   * Stores a row of {@code time} and {@code dims} by position (the array is not kept); returns its id.
   * {@code dims} has at most {@link #addDimensions} positions.
   */
  int add(long time, Object[] dims) {
    int rowId = size;
    int slot = rowId & PAGE_MASK;
    if (slot == 0) {
      startPage(rowId >>> PAGE_SHIFT);
    }
    appendTimes[slot] = time;
    for (int d = 0; d < dims.length; d++) {
      Object value = dims[d];
      if (value != null) {
        Object[] values = appendDims[d];
        if (values == null) {
          values = startDimensionPage(d, rowId >>> PAGE_SHIFT);
        }
        values[slot] = value;
      }
    }
    size = rowId + 1;
    return rowId;
  }

  private void startPage(int page) {
    if (page == timePages.length) {
      timePages = Arrays.copyOf(timePages, page * 2);
    }
    appendTimes = new long[PAGE_SIZE];
    timePages[page] = appendTimes;
    Arrays.fill(appendDims, null);
  }

  /** Makes room for {@code count} dimension positions (rows stored before read null for new ones). */
  void addDimensions(int count) {
    int old = dimPages.length;
    dimPages = Arrays.copyOf(dimPages, count);
    Arrays.fill(dimPages, old, count, NO_PAGES);
    appendDims = Arrays.copyOf(appendDims, count);
  }

  private Object[] startDimensionPage(int position, int page) {
    Object[][] pages = dimPages[position];
    if (page >= pages.length) {
      pages = Arrays.copyOf(pages, Math.max(page + 1, Math.max(4, pages.length * 2)));
      dimPages[position] = pages;
    }
    Object[] values = new Object[PAGE_SIZE];
    pages[page] = values;
    appendDims[position] = values;
    return values;
  }

  long time(int rowId) {
    return timePages[rowId >>> PAGE_SHIFT][rowId & PAGE_MASK];
  }

  /** The encoded value of the dimension at {@code position} in row {@code rowId}, or null. */
  Object dim(int rowId, int position) {
    if (position >= dimPages.length) {
      return null;
    }
    Object[][] pages = dimPages[position];
    int page = rowId >>> PAGE_SHIFT;
    if (page >= pages.length) {
      return null;
    }
    Object[] values = pages[page];
    return values == null ? null : values[rowId & PAGE_MASK];
  }
}
