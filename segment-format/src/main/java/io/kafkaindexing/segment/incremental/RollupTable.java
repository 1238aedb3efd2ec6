package io.kafkaindexing.segment.incremental;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The rollup lookup of an {@link IncrementalIndex}: the id of the stored row with a given truncated
 * time and encoded dimension values, where missing trailing dimensions equal null ones (rows from
 * before and after a dimension was discovered still roll up together). An open-addressing table of
 * row ids with their hashes in two int arrays: a lookup allocates nothing and compares against the
 * stored rows themselves, where a {@code HashMap} of keys cost two key objects and a map node per
 * row (20% of the task thread with the profile of docs/benchmarks.md, together with the other
 * per-row maps). Not thread-safe: guarded by the index's lock.
 */
final class RollupTable {
  /** Row id + 1 per slot; 0 is an empty slot. */
  private int[] slots = new int[64];
  private int[] hashes = new int[64];
  private int size;

  /** The hash of a rollup key; equal keys (trailing nulls ignored) hash equally. */
  static int hash(long time, Object[] dims) {
    int length = dims.length;
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

  /** The id of the row equal to the key, or -1. */
  int find(int hash, long time, Object[] dims, List<IncrementalRow> rows) {
    int mask = slots.length - 1;
    for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
      int slot = slots[i];
      if (slot == 0) {
        return -1;
      }
      if (hashes[i] == hash && sameKey(rows.get(slot - 1), time, dims)) {
        return slot - 1;
      }
    }
  }

  /** Adds a row whose key is not in the table yet. */
  void insert(int hash, int rowId) {
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

  private static boolean sameKey(IncrementalRow row, long time, Object[] dims) {
    if (row.time != time) {
      return false;
    }
    int length = Math.max(dims.length, row.dimCount());
    for (int i = 0; i < length; i++) {
      Object a = i < dims.length ? dims[i] : null;
      Object b = row.dim(i);
      boolean same = a instanceof int[] x && b instanceof int[] y ? Arrays.equals(x, y) : Objects.equals(a, b);
      if (!same) {
        return false;
      }
    }
    return true;
  }
}
