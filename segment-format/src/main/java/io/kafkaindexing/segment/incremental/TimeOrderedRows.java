package io.kafkaindexing.segment.incremental;

import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>Streams deliver rows mostly in time order, but a task reading several partitions gets them
 * partition by partition: each poll's batch is in order, and trails or leads the other
 * partitions' batches. So times are kept in a few ascending <em>runs</em>, each parallel arrays
 * of times, first ids and id lists (a list only once a time holds two ids: with a fine query
 * granularity most times hold one row, and a list object per row was most of what the garbage
 * collector copied of an index) appended to and found again by searching back from their end: a new
 * time goes to the run whose last time is the largest below it (the run its partition has been
 * feeding), or starts a run of its own; only once {@link #MAX_RUNS} runs exist does a time below
 * all of them go to a {@link TreeMap} of late times. Readers merge the runs and the late times (a
 * time is in one place only). A {@code TreeMap} for every time cost two tree walks, a node and a
 * boxed key per row of the bench (4% of the task thread); one for every time below the last, half
 * the rows of a two-partition topic, 23%. Not thread-safe: guarded by the index's lock.
 */
final class TimeOrderedRows {
  /** Heap cost of a new distinct time (the estimate of the tree it had: node, boxed key, id list). */
  static final int NEW_TIME_BYTES = 40 + 16 + 32;
  /** Ascending runs kept before late times go to the tree: a few per partition interleaving is plenty. */
  static final int MAX_RUNS = 8;

  /** Ascending runs of times in arrival order; {@link #runCount} used. */
  private final Run[] runs = new Run[MAX_RUNS];
  private int runCount;
  /** Times below the last of every run once {@link #MAX_RUNS} runs existed. */
  private final TreeMap<Long, IdList> late = new TreeMap<>();
  /**
   * Where the time last found or added is (valid while {@code recentKnown}): its run and index
   * there, or its list in the late tree (run null). An add looks its time up more than once.
   */
  private long recentTime;
  private boolean recentKnown;
  private Run recentRun;
  private int recentIndex;
  private IdList recentLate;
  /** What {@link #idsAt} returns for a time holding one id: valid until the next call. */
  private final IdList single = new IdList();
  /**
   * A time last looked up and not found (valid while {@code missKnown}): a new time is looked up
   * twice before its insert (by the rollup's key lookup, then by {@link #add}), the second search free.
   */
  private long missTime;
  private boolean missKnown;
  /** Lists with ids added since they were last sorted (only when {@code sorting}). */
  private final List<IdList> pending = new ArrayList<>();
  private final boolean sorting;

  /** @param sorting whether {@link #sortPending} will be used (track lists with unsorted ids) */
  TimeOrderedRows(boolean sorting) {
    this.sorting = sorting;
  }

  /** Adds a row; returns the estimated heap bytes it cost. */
  long add(long time, int rowId) {
    if (!locate(time)) {
      insert(time, rowId);
      return 4 + NEW_TIME_BYTES;
    }
    IdList ids = recentLate;
    if (recentRun != null) {
      ids = recentRun.lists[recentIndex];
      if (ids == null) { // the time's second id: its ids get a list of their own
        ids = new IdList();
        ids.add(recentRun.firstIds[recentIndex]);
        recentRun.lists[recentIndex] = ids;
      }
    }
    if (sorting && !ids.hasUnsorted()) {
      pending.add(ids); // its second id (or the first after a sort) may be out of order
    }
    ids.add(rowId);
    return 4;
  }

  /**
   * The ids of the rows at {@code time}, or null when there is none. A time holding one id is
   * answered with a list this object reuses: read it before the next call.
   */
  IdList idsAt(long time) {
    if (!locate(time)) {
      return null;
    }
    return recentRun == null ? recentLate : listOrSingle(recentRun.lists, recentRun.firstIds, recentIndex, single);
  }

  /** Whether {@code time} has rows; if so, where is remembered as the recent time. */
  private boolean locate(long time) {
    if (recentTime == time && recentKnown) {
      return true;
    }
    if (missTime == time && missKnown) {
      return false;
    }
    for (int r = 0; r < runCount; r++) {
      int i = runs[r].find(time);
      if (i >= 0) {
        remember(time, runs[r], i, null);
        return true;
      }
    }
    IdList found = late.isEmpty() ? null : late.get(time);
    if (found != null) {
      remember(time, null, -1, found);
      return true;
    }
    missTime = time;
    missKnown = true;
    return false;
  }

  private void remember(long time, Run run, int index, IdList lateIds) {
    recentTime = time;
    recentKnown = true;
    recentRun = run;
    recentIndex = index;
    recentLate = lateIds;
  }

  /** Stores the first id of {@code time}, which has none yet. */
  private void insert(long time, int rowId) {
    // The run whose last time is the highest below this one, chosen without a branch: which runs
    // qualify, and in which order, changes with the partitions' batches (the second partition's
    // first batch, later two runs qualifying with the lower last second), and a branch first taken
    // then made the JIT recompile the index's whole add (JFR: an unstable_if trap here in the bench runs recorded).
    int bestIndex = -1;
    long bestLast = Long.MIN_VALUE;
    for (int r = 0; r < runCount; r++) {
      long last = runs[r].last();
      long take = lessMask(last, time) & ~lessMask(last, bestLast); // last < time && last >= bestLast
      bestLast = (last & take) | (bestLast & ~take);
      bestIndex = (int) ((r & take) | (bestIndex & ~take));
    }
    Run best = bestIndex < 0 ? null : runs[bestIndex];
    if (best == null && runCount < MAX_RUNS) {
      best = new Run();
      runs[runCount++] = best;
    }
    if (best == null) {
      IdList ids = new IdList();
      ids.add(rowId);
      late.put(time, ids);
      remember(time, null, -1, ids);
    } else {
      best.append(time, rowId);
      remember(time, best, best.count - 1, null);
    }
    missKnown = false; // the remembered miss may be this time
  }

  /** All ones when {@code a < b}, else zero; no branch, and right where {@code a - b} overflows. */
  private static long lessMask(long a, long b) {
    long d = a - b;
    return (d ^ ((a ^ b) & (d ^ a))) >> 63;
  }

  /** Whether some ids were added since the last {@link #sortPending}. */
  boolean hasPending() {
    return !pending.isEmpty();
  }

  /** Orders the ids of every time by {@code order} (ties keep arrival order). */
  void sortPending(IntComparator order) {
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
    List<Slice> slices = new ArrayList<>(runCount + 1);
    for (int r = 0; r < runCount; r++) {
      Run run = runs[r];
      int from = run.lowerBound(startMillis);
      int to = run.lowerBound(endMillis);
      if (from < to) {
        slices.add(new Slice(run.times, run.lists, run.firstIds, from, to));
      }
    }
    if (!late.isEmpty()) {
      NavigableMap<Long, IdList> lateRange = late.subMap(startMillis, true, endMillis, false);
      if (!lateRange.isEmpty()) {
        long[] times = new long[lateRange.size()];
        IdList[] lists = new IdList[times.length];
        int i = 0;
        for (Map.Entry<Long, IdList> e : lateRange.entrySet()) {
          times[i] = e.getKey();
          lists[i++] = e.getValue();
        }
        slices.add(new Slice(times, lists, null, 0, times.length));
      }
    }
    if (slices.isEmpty()) {
      return List.of();
    }
    return slices.size() == 1 ? () -> new SliceIterator(slices.get(0)) : () -> new MergedIterator(slices);
  }

  /** The smallest time; there must be rows. */
  long firstTime() {
    long first = late.isEmpty() ? Long.MAX_VALUE : late.firstKey();
    for (int r = 0; r < runCount; r++) {
      first = Math.min(first, runs[r].times[0]);
    }
    return first;
  }

  /** The largest time (late times are below the last of some run); there must be rows. */
  long lastTime() {
    long last = Long.MIN_VALUE;
    for (int r = 0; r < runCount; r++) {
      last = Math.max(last, runs[r].last());
    }
    return last;
  }

  /** How many distinct times went to the late tree (for tests). */
  int lateTimeCount() {
    return late.size();
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

  /** Ascending distinct times appended in arrival order, with their ids; never empty once made. */
  private static final class Run {
    private long[] times = new long[16];
    /** The first id of each time. */
    private int[] firstIds = new int[16];
    /** Each time's list of ids once it holds two or more; null while it holds its first only. */
    private IdList[] lists = new IdList[16];
    private int count;
    /** Where the last {@link #find} below the last time ended: the next one starts there. */
    private int finger;

    long last() {
      return times[count - 1];
    }

    void append(long time, int firstId) {
      if (count == times.length) {
        times = Arrays.copyOf(times, count * 2);
        firstIds = Arrays.copyOf(firstIds, count * 2);
        lists = Arrays.copyOf(lists, count * 2);
      }
      times[count] = time;
      firstIds[count] = firstId;
      count++;
    }

    /**
     * The index of {@code time}, or -1. A time above the run's last is answered at once (a
     * partition's rows arriving in order); otherwise the search starts at the finger, where the
     * previous search of this run ended, since the times looked up below the last are mostly the
     * ascending rows of another partition's batch, each just after the one before: a search from
     * the end cost a gallop and a binary search per row (about 15% of the bench's add path read in
     * poll order).
     */
    int find(long time) {
      if (time > times[count - 1]) {
        return -1;
      }
      int i = lowerBoundFromFinger(time);
      return times[i] == time ? i : -1;
    }

    /** The first index whose time is at least {@code time}, which is at most the last time; moves the finger there. */
    private int lowerBoundFromFinger(long time) {
      // the answer is in (lo, hi]: times[hi] >= time, and lo is -1 or times[lo] < time
      int lo;
      int hi;
      int f = Math.min(finger, count - 1);
      if (times[f] >= time) {
        hi = f;
        int step = 1;
        lo = hi - step;
        while (lo >= 0 && times[lo] >= time) {
          hi = lo;
          step <<= 1;
          lo = hi - step;
        }
        lo = Math.max(lo, -1);
      } else {
        lo = f; // below count - 1, whose time is at least this one
        int step = 1;
        hi = lo + 1;
        while (times[hi] < time) {
          lo = hi;
          step <<= 1;
          hi = Math.min(lo + step, count - 1);
        }
      }
      while (hi - lo > 1) {
        int mid = (lo + hi) >>> 1;
        if (times[mid] < time) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      finger = hi;
      return hi;
    }

    /** The first index whose time is at least {@code time}, or {@code count}. */
    int lowerBound(long time) {
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
  }

  /**
   * Times {@code [from, to)} of a run (or of the late times) with their id lists, as arrays; a null
   * list is a time holding only its first id (late times have no first ids: every one has a list).
   */
  private record Slice(long[] times, IdList[] lists, int[] firstIds, int from, int to) {
    IdList ids(int i, IdList single) {
      return listOrSingle(lists, firstIds, i, single);
    }
  }

  /** The ids of the time at {@code i} of parallel arrays: its list, or {@code single} set to its one id. */
  private static IdList listOrSingle(IdList[] lists, int[] firstIds, int i, IdList single) {
    IdList ids = lists[i];
    return ids != null ? ids : single.setSingle(firstIds[i]);
  }

  /**
   * The id lists of one slice in time order. A time holding one id is returned as a list this
   * iterator reuses: callers read each list before asking for the next.
   */
  private static final class SliceIterator implements Iterator<IdList> {
    private final Slice slice;
    private final IdList single = new IdList();
    private int next;

    SliceIterator(Slice slice) {
      this.slice = slice;
      this.next = slice.from();
    }

    @Override
    public boolean hasNext() {
      return next < slice.to();
    }

    @Override
    public IdList next() {
      if (next >= slice.to()) {
        throw new NoSuchElementException();
      }
      return slice.ids(next++, single);
    }
  }

  /** Merges slices whose times are distinct across slices, by time; reuses a list as {@link SliceIterator} does. */
  private static final class MergedIterator implements Iterator<IdList> {
    private final Slice[] slices;
    private final int[] next;
    private final IdList single = new IdList();

    MergedIterator(List<Slice> slices) {
      this.slices = slices.toArray(new Slice[0]);
      this.next = new int[this.slices.length];
      for (int s = 0; s < next.length; s++) {
        next[s] = this.slices[s].from();
      }
    }

    @Override
    public boolean hasNext() {
      for (int s = 0; s < next.length; s++) {
        if (next[s] < slices[s].to()) {
          return true;
        }
      }
      return false;
    }

    @Override
    public IdList next() {
      int best = -1;
      long bestTime = 0;
      for (int s = 0; s < next.length; s++) {
        if (next[s] < slices[s].to()) {
          long time = slices[s].times()[next[s]];
          if (best < 0 || time < bestTime) {
            best = s;
            bestTime = time;
          }
        }
      }
      if (best < 0) {
        throw new NoSuchElementException();
      }
      return slices[best].ids(next[best]++, single);
    }
  }

  /**
   * A growable list of ids (row ids here; value ids of a dictionary in value order elsewhere). A
   * single id is held inline, and an array of them all is made when a second arrives: with a fine
   * query granularity most times hold one row, and an array per time was 24 bytes a row.
   */
  static final class IdList {
    /** The only id while there is one. */
    private int first;
    /** Every id once a second arrived (null before). */
    private int[] ids;
    private int size;
    /** The first {@code sortedSize} ids are in order (one id always is). */
    private int sortedSize;

    /** Makes this (reused, never stored) list the one id {@code id}. */
    IdList setSingle(int id) {
      first = id;
      ids = null;
      size = 1;
      sortedSize = 1;
      return this;
    }

    void add(int id) {
      if (size == 0) {
        first = id;
        size = 1;
        sortedSize = 1;
        return;
      }
      if (ids == null) {
        ids = new int[4];
        ids[0] = first;
      } else if (size == ids.length) {
        ids = Arrays.copyOf(ids, size * 2);
      }
      ids[size++] = id;
    }

    int size() {
      return size;
    }

    int get(int i) {
      return ids == null ? first : ids[i];
    }

    /** Whether ids were added after the sorted ones (a list of one id is sorted). */
    boolean hasUnsorted() {
      return sortedSize < size;
    }

    /**
     * Sorts the ids past {@code sortedSize} and merges them in place into the sorted ones before
     * them, from the back: each new id (largest first) finds its place by binary search (after
     * equal ones) and the sorted ids past that place move up in one copy. A reader after k adds to
     * a time holding n rows costs O(k log n) comparisons, moves only the ids after the first place
     * and allocates just the k new ids.
     */
    void sort(IntComparator order) {
      if (sortedSize >= size) {
        return; // also every list of one id, the only kind without the array
      }
      int[] tail = Arrays.copyOfRange(ids, sortedSize, size);
      IntSorts.sort(tail, 0, tail.length, order);
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
    private int upperBound(int id, int end, IntComparator order) {
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
