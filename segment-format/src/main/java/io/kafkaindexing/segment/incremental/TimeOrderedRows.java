package io.kafkaindexing.segment.incremental;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/**
 * Row ids by truncated time, for time-ordered cursors and the time index. Rows with equal times
 * keep arrival order unless {@link #sortPending} orders them: ids added since the last sort are
 * sorted on their own and merged into the sorted ones, so each add costs O(1) and a reader pays
 * only for what arrived since the previous reader. Not thread-safe: guarded by the index's lock.
 */
final class TimeOrderedRows {
  /** Heap cost of a new distinct time: tree node, boxed key, id list. */
  static final int NEW_TIME_BYTES = 40 + 16 + 32;

  private final TreeMap<Long, IdList> byTime = new TreeMap<>();
  /** Lists with ids added since they were last sorted (only when {@code sorting}). */
  private final List<IdList> pending = new ArrayList<>();
  private final boolean sorting;

  /** @param sorting whether {@link #sortPending} will be used (track lists with unsorted ids) */
  TimeOrderedRows(boolean sorting) {
    this.sorting = sorting;
  }

  /** Adds a row; returns the estimated heap bytes it cost. */
  long add(long time, int rowId) {
    IdList ids = byTime.get(time);
    long bytes = 4;
    if (ids == null) {
      ids = new IdList();
      byTime.put(time, ids);
      bytes += NEW_TIME_BYTES;
    }
    if (sorting && ids.sortedSize == ids.size) {
      pending.add(ids);
    }
    ids.add(rowId);
    return bytes;
  }

  /** Whether some ids were added since the last {@link #sortPending}. */
  boolean hasPending() {
    return !pending.isEmpty();
  }

  /** Orders the ids of every time by {@code order} (ties keep arrival order). */
  void sortPending(Comparator<Integer> order) {
    for (IdList ids : pending) {
      ids.sort(order);
    }
    pending.clear();
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

  /** A growable list of ids (row ids here; value ids of a dictionary in value order elsewhere). */
  static final class IdList {
    private int[] ids = new int[2];
    private int size;
    /** The first {@code sortedSize} ids are in order. */
    private int sortedSize;

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

    /**
     * Sorts the ids past {@code sortedSize} and merges them in place into the sorted ones before
     * them, from the back: each new id (largest first) finds its place by binary search (after
     * equal ones) and the sorted ids past that place move up in one copy. A reader after k adds to
     * a time holding n rows costs O(k log n) comparisons, moves only the ids after the first place
     * and allocates just the k new ids.
     */
    void sort(Comparator<Integer> order) {
      Integer[] tail = new Integer[size - sortedSize];
      for (int i = 0; i < tail.length; i++) {
        tail[i] = ids[sortedSize + i];
      }
      Arrays.sort(tail, order);
      int headEnd = sortedSize;
      int write = size;
      for (int t = tail.length - 1; t >= 0; t--) {
        int place = upperBound(tail[t], headEnd, order);
        int moved = headEnd - place;
        write -= moved;
        System.arraycopy(ids, place, ids, write, moved);
        ids[--write] = tail[t];
        headEnd = place;
      }
      sortedSize = size;
    }

    /** The first index in {@code [0, end)} whose id sorts after {@code id}, or {@code end}. */
    private int upperBound(int id, int end, Comparator<Integer> order) {
      int lo = 0;
      int hi = end;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (order.compare(ids[mid], id) <= 0) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }
}
