package io.kafkaindexing.segment.incremental;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/**
 * Row ids by truncated time, for time-ordered cursors and the time index. Rows with equal times
 * keep arrival order unless {@link #sortPending} orders them: ids added since the last sort are
 * sorted on their own and merged into the sorted ones, so each add costs O(1) and a reader pays
 * only for what arrived since the previous reader.
 *
 * <p>Streams deliver rows mostly in time order, so times above every earlier one are appended to
 * two parallel arrays (times, id lists), found again by binary search; only a new time below the
 * last appended one goes to a {@link TreeMap} of late times, and readers merge the two (a time
 * is in one of them only). A {@code TreeMap} for every time cost two tree walks, a node and a
 * boxed key per row of the bench (4% of the task thread). Not thread-safe: guarded by the index's
 * lock.
 */
final class TimeOrderedRows {
  /** Heap cost of a new distinct time (the estimate of the tree it had: node, boxed key, id list). */
  static final int NEW_TIME_BYTES = 40 + 16 + 32;

  /** Ascending times appended in arrival order, with their ids in {@link #lists}; {@link #count} used. */
  private long[] times = new long[16];
  private IdList[] lists = new IdList[16];
  private int count;
  /** Times first seen below {@code times[count - 1]}. */
  private final TreeMap<Long, IdList> late = new TreeMap<>();
  /** Lists with ids added since they were last sorted (only when {@code sorting}). */
  private final List<IdList> pending = new ArrayList<>();
  private final boolean sorting;

  /** @param sorting whether {@link #sortPending} will be used (track lists with unsorted ids) */
  TimeOrderedRows(boolean sorting) {
    this.sorting = sorting;
  }

  /** Adds a row; returns the estimated heap bytes it cost. */
  long add(long time, int rowId) {
    long bytes = 4;
    IdList ids;
    if (count > 0 && time == times[count - 1]) {
      ids = lists[count - 1];
    } else if (count == 0 || time > times[count - 1]) {
      ids = append(time);
      bytes += NEW_TIME_BYTES;
    } else {
      int i = Arrays.binarySearch(times, 0, count, time);
      if (i >= 0) {
        ids = lists[i];
      } else {
        ids = late.get(time);
        if (ids == null) {
          ids = new IdList();
          late.put(time, ids);
          bytes += NEW_TIME_BYTES;
        }
      }
    }
    if (sorting && ids.sortedSize == ids.size) {
      pending.add(ids);
    }
    ids.add(rowId);
    return bytes;
  }

  /** The ids of the rows at {@code time}, or null when there is none. */
  IdList idsAt(long time) {
    if (count == 0 || time > times[count - 1]) {
      return null;
    }
    if (time == times[count - 1]) {
      return lists[count - 1];
    }
    int i = Arrays.binarySearch(times, 0, count, time);
    return i >= 0 ? lists[i] : late.get(time);
  }

  private IdList append(long time) {
    if (count == times.length) {
      times = Arrays.copyOf(times, count * 2);
      lists = Arrays.copyOf(lists, count * 2);
    }
    IdList ids = new IdList();
    times[count] = time;
    lists[count] = ids;
    count++;
    return ids;
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

  /** The id lists of the times in {@code [startMillis, endMillis)}, ascending by time. */
  Iterable<IdList> range(long startMillis, long endMillis) {
    if (startMillis >= endMillis) {
      return List.of();
    }
    int from = lowerBound(startMillis);
    int to = lowerBound(endMillis);
    List<IdList> appended = Arrays.asList(lists).subList(from, to);
    NavigableMap<Long, IdList> lateRange = late.isEmpty() ? null : late.subMap(startMillis, true, endMillis, false);
    if (lateRange == null || lateRange.isEmpty()) {
      return appended;
    }
    long[] appendedTimes = times;
    IdList[] appendedLists = lists;
    return () -> new MergedIterator(appendedTimes, appendedLists, from, to, lateRange.entrySet().iterator());
  }

  /** The first index in {@code [0, count)} whose time is at least {@code time}, or {@code count}. */
  private int lowerBound(long time) {
    int lo = 0;
    int hi = count;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (times[mid] < time) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The smallest time; there must be rows. */
  long firstTime() {
    return late.isEmpty() ? times[0] : Math.min(times[0], late.firstKey());
  }

  /** The largest time (late times are below the last appended one); there must be rows. */
  long lastTime() {
    return times[count - 1];
  }

  MutableRoaringBitmap rowsIn(long startMillis, long endMillis) {
    MutableRoaringBitmap rows = new MutableRoaringBitmap();
    for (IdList ids : range(startMillis, endMillis)) {
      for (int i = 0; i < ids.size(); i++) {
        rows.add(ids.get(i));
      }
    }
    return rows;
  }

  /** Merges a slice of the appended times with a range of the late ones (distinct times) by time. */
  private static final class MergedIterator implements Iterator<IdList> {
    private final long[] times;
    private final IdList[] lists;
    private final int to;
    private final Iterator<Map.Entry<Long, IdList>> late;
    private int next;
    private Map.Entry<Long, IdList> nextLate;

    MergedIterator(long[] times, IdList[] lists, int from, int to, Iterator<Map.Entry<Long, IdList>> late) {
      this.times = times;
      this.lists = lists;
      this.next = from;
      this.to = to;
      this.late = late;
      this.nextLate = late.hasNext() ? late.next() : null;
    }

    @Override
    public boolean hasNext() {
      return next < to || nextLate != null;
    }

    @Override
    public IdList next() {
      if (nextLate != null && (next >= to || nextLate.getKey() < times[next])) {
        IdList ids = nextLate.getValue();
        nextLate = late.hasNext() ? late.next() : null;
        return ids;
      }
      if (next >= to) {
        throw new NoSuchElementException();
      }
      return lists[next++];
    }
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
