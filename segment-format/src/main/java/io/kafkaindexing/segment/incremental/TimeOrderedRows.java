package io.kafkaindexing.segment.incremental;

import java.util.Arrays;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/**
 * Row ids by truncated time, for time-ordered cursors and the time index; rows with equal times
 * keep arrival order. Not thread-safe: guarded by the index's lock.
 */
final class TimeOrderedRows {
  /** Heap cost of a new distinct time: tree node, boxed key, id list. */
  static final int NEW_TIME_BYTES = 40 + 16 + 32;

  private final TreeMap<Long, IdList> byTime = new TreeMap<>();

  /** Adds a row; returns the estimated heap bytes it cost. */
  long add(long time, int rowId) {
    IdList ids = byTime.get(time);
    long bytes = 4;
    if (ids == null) {
      ids = new IdList();
      byTime.put(time, ids);
      bytes += NEW_TIME_BYTES;
    }
    ids.add(rowId);
    return bytes;
  }

  /** The times in {@code [startMillis, endMillis)} with their ids, ascending. */
  NavigableMap<Long, IdList> range(long startMillis, long endMillis) {
    if (startMillis >= endMillis) {
      return new TreeMap<>();
    }
    return byTime.subMap(startMillis, true, endMillis, false);
  }

  /** The smallest time; there must be rows. */
  long firstTime() {
    return byTime.firstKey();
  }

  /** The largest time; there must be rows. */
  long lastTime() {
    return byTime.lastKey();
  }

  MutableRoaringBitmap rowsIn(long startMillis, long endMillis) {
    MutableRoaringBitmap rows = new MutableRoaringBitmap();
    for (IdList ids : range(startMillis, endMillis).values()) {
      for (int i = 0; i < ids.size(); i++) {
        rows.add(ids.get(i));
      }
    }
    return rows;
  }

  /** A growable list of row ids. */
  static final class IdList {
    private int[] ids = new int[2];
    private int size;

    void add(int id) {
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, size * 2);
      }
      ids[size++] = id;
    }

    int size() {
      return size;
    }

    int get(int i) {
      return ids[i];
    }
  }
}
