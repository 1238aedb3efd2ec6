package io.kafkaindexing.segment.incremental;

import java.util.Arrays;
import java.util.Objects;

/**
 * The rollup lookup of an {@link IncrementalIndex}: the id of the stored row with a given truncated
 * time and encoded dimension values, where missing trailing dimensions equal null ones (rows from
 * before and after a dimension was discovered still roll up together). Rows with equal keys have
 * equal times, so only the rows of the key's time are candidates: while a time holds at most
 * {@value #SCAN_LIMIT} rows they are compared one by one (fine query granularities such as the
 * bench's, where most times hold one row, then need no hash and no table); the rows of a time
 * with more are also kept in an open-addressing table of row ids with their hashes in two int
 * arrays, which a lookup probes without allocating and compares against the stored rows
 * themselves. A table entry for every row meant a hash and random accesses into two arrays as
 * large as the index per row; a {@code HashMap} of keys before it cost two key objects and a map
 * node per row. Not thread-safe: guarded by the index's lock.
 */
final class RollupTable {
  /** The most rows of one time compared one by one; the rows of a time with more are in the table. */
  static final int SCAN_LIMIT = 8;

  /** Row id + 1 per slot; 0 is an empty slot. */
  private int[] slots = new int[64];
  private int[] hashes = new int[64];
  private int size;
  /** The key {@link #find} hashed last and its hash, for the {@link #insert} of the same key. */
  private Object[] hashedDims;
  private int hashedDimsHash;

  /** The hash of a rollup key; equal keys (trailing nulls ignored) hash equally. */
  static int hash(long time, Object[] dims) {
    return hash(time, dims, dims.length);
  }

  private static int hash(RowStore rows, int rowId) {
    Object[] dims = new Object[rows.dimensionCount()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = rows.dim(rowId, i);
    }
    return hash(rows.time(rowId), dims, dims.length);
  }

  private static int hash(long time, Object[] dims, int dimCount) {
    int length = dimCount;
    while (length > 0 && dims[length - 1] == null) {
      length--;
    }
    int h = Long.hashCode(time);
    for (int i = 0; i < length; i++) {
      Object d = dims[i];
      h = 31 * h + (d instanceof int[] ids ? Arrays.hashCode(ids) : Objects.hashCode(d));
    }
    return h;
  }

  /**
   * The id of the row equal to the key, or -1.
   *
   * @param sameTime the ids of the rows at {@code time}, or null when there is none
   */
  int find(long time, Object[] dims, TimeOrderedRows.IdList sameTime, RowStore rows) {
    hashedDims = null; // the hash kept is of this call's key only (callers may reuse their dims array)
    if (sameTime == null) {
      return -1;
    }
    if (sameTime.size() <= SCAN_LIMIT) {
      for (int i = 0; i < sameTime.size(); i++) {
        int id = sameTime.get(i);
        if (sameKey(rows, id, time, dims)) {
          return id;
        }
      }
      return -1;
    }
    int hash = hash(time, dims);
    hashedDims = dims;
    hashedDimsHash = hash;
    int mask = slots.length - 1;
    for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
      int slot = slots[i];
      if (slot == 0) {
        return -1;
      }
      if (hashes[i] == hash && sameKey(rows, slot - 1, time, dims)) {
        return slot - 1;
      }
    }
  }

  /**
   * Records new row {@code rowId} of key {@code (time, dims)}, not found by {@link #find}.
   *
   * @param sameTime the ids of the rows at {@code time}, the new one included
   */
  void insert(int rowId, long time, Object[] dims, TimeOrderedRows.IdList sameTime, RowStore rows) {
    int count = sameTime.size();
    if (count <= SCAN_LIMIT) {
      return;
    }
    if (count == SCAN_LIMIT + 1) { // the time's rows go to the table now
      for (int i = 0; i < count; i++) {
        int id = sameTime.get(i);
        insert(id == rowId ? hash(time, dims) : hash(rows, id), id);
      }
      return;
    }
    insert(dims == hashedDims ? hashedDimsHash : hash(time, dims), rowId);
  }

  /** Adds a row whose key is not in the table yet. */
  private void insert(int hash, int rowId) {
    if (2 * (size + 1) > slots.length) {
      grow();
    }
    place(hash, rowId + 1);
    size++;
  }

  private void place(int hash, int slot) {
    int mask = slots.length - 1;
    int i = spread(hash) & mask;
    while (slots[i] != 0) {
      i = (i + 1) & mask;
    }
    slots[i] = slot;
    hashes[i] = hash;
  }

  private void grow() {
    int[] oldSlots = slots;
    int[] oldHashes = hashes;
    slots = new int[oldSlots.length * 2];
    hashes = new int[oldSlots.length * 2];
    for (int i = 0; i < oldSlots.length; i++) {
      if (oldSlots[i] != 0) {
        place(oldHashes[i], oldSlots[i]);
      }
    }
  }

  private static int spread(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  private static boolean sameKey(RowStore rows, int rowId, long time, Object[] dims) {
    if (rows.time(rowId) != time) {
      return false;
    }
    int length = Math.max(dims.length, rows.dimensionCount());
    for (int i = 0; i < length; i++) {
      Object a = i < dims.length ? dims[i] : null;
      Object b = rows.dim(rowId, i);
      // a single value's encoded array is shared by its rows: equal references need no read
      boolean same = a == b
          || (a instanceof int[] x && b instanceof int[] y ? Arrays.equals(x, y) : Objects.equals(a, b));
      if (!same) {
        return false;
      }
    }
    return true;
  }
}
