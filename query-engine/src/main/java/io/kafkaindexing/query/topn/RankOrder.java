package io.kafkaindexing.query.topn;

import java.util.Arrays;

/**
 * The topN rank order of candidates {@code 0..n-1} when the metric is {@code count} or a simple
 * numeric aggregator, on primitives: metric keys descending ({@code GroupColumns#rankKey}: the
 * aggregator comparator's order), null metrics last, then the tie-break ascending: dimension values
 * (strings, null first, as {@link TopNRanker} breaks ties) or, per segment before values are looked
 * up, dictionary ids (as {@link TopNRanker#best} does), then the candidate number. A total order, so
 * the best {@code k} are one set whatever the method; {@link #select} finds them by quickselect
 * (on the keys, then on the full order among ties only) and {@link #sort} orders them, without
 * boxing or comparator objects. Not thread-safe.
 */
final class RankOrder {
  private final long[] keys;
  private final boolean[] nulls;
  private final String[] names;
  private final int[] ids;
  private long random = 0x2545F4914F6CDD1DL;

  /** Candidates with metric {@code keys} ({@code nulls[i]}: null metric) and ties broken on {@code names} or {@code ids}. */
  RankOrder(long[] keys, boolean[] nulls, String[] names, int[] ids) {
    this.keys = keys;
    this.nulls = nulls;
    this.names = names;
    this.ids = ids;
  }

  /** Negative when candidate {@code x} ranks before {@code y}. */
  int compare(int x, int y) {
    boolean nx = nulls[x];
    boolean ny = nulls[y];
    if (nx || ny) {
      if (nx != ny) {
        return nx ? 1 : -1;
      }
    } else {
      int c = Long.compare(keys[y], keys[x]);
      if (c != 0) {
        return c;
      }
    }
    int c;
    if (names != null) {
      String a = names[x];
      String b = names[y];
      c = a == null ? (b == null ? 0 : -1) : b == null ? 1 : a.compareTo(b);
    } else {
      c = Integer.compare(ids[x], ids[y]);
    }
    return c != 0 ? c : Integer.compare(x, y);
  }

  /**
   * Rearranges {@code a[0..n)} so that {@code a[0..k)} are the best {@code k} of them, in no
   * particular order. Most candidates are told apart by their metric alone, so the cut is found on
   * the keys first (the k-th best key, {@link #kthLargest}), one pass puts the keys above it first,
   * then those equal to it, and the full comparison with its tie-break is used only among those
   * equal to the cut's (topN metrics have many ties: a few distinct counts among thousands of
   * values) or, when fewer than {@code k} metrics are not null, among the nulls.
   */
  void select(int[] a, int n, int k) {
    if (k <= 0 || k >= n) {
      return;
    }
    int nonNull = 0;
    for (int i = 0; i < n; i++) {
      int x = a[i];
      if (!nulls[x]) {
        a[i] = a[nonNull];
        a[nonNull++] = x;
      }
    }
    if (nonNull <= k) {
      selectByCompare(a, nonNull, n - 1, k - nonNull);
      return;
    }
    long[] copy = new long[nonNull];
    for (int i = 0; i < nonNull; i++) {
      copy[i] = keys[a[i]];
    }
    long cut = kthLargest(copy, k);
    // Three ways, without a branch per candidate (which key is above, at or below the cut is as
    // good as random): each candidate is written to all three lists and counted in the one it
    // belongs to. Keys above the cut go to a's front in place (never ahead of the reading).
    int[] at = new int[nonNull];
    int[] below = new int[nonNull];
    int above = 0;
    int ties = 0;
    int rest = 0;
    for (int i = 0; i < nonNull; i++) {
      int x = a[i];
      int c = Long.compare(keys[x], cut);
      a[above] = x;
      at[ties] = x;
      below[rest] = x;
      above += (c + 1) >>> 1;
      ties += 1 - (c & 1);
      rest += c >>> 31;
    }
    System.arraycopy(at, 0, a, above, ties);
    System.arraycopy(below, 0, a, above + ties, rest);
    selectByCompare(a, above, above + ties - 1, k - above);
  }

  /**
   * The best {@code k} of candidates {@code 0..n-1} ({@code 0 <= k <= n}) with metric
   * {@code keys}, when none is null and the candidates' numbers already ascend with the tie-break
   * (a segment's dictionary ids in id order, as {@code ArrayKernels} groups in id order): those
   * whose key is above the k-th best key, then the first of those equal to it, each part in
   * ascending order. The set {@link #select} keeps, found in one pass after the cut, without
   * comparing candidates.
   */
  static int[] bestOfOrdered(long[] keys, int n, int k) {
    int[] out = new int[k];
    if (k == 0) {
      return out;
    }
    long[] range = range(keys, n);
    long cut = narrow(range, n) ? countedKthLargest(keys, n, k, range[0], range[1])
        : new RankOrder(keys, null, null, null).kthLargest(Arrays.copyOf(keys, n), k);
    int[] ties = new int[k];
    int above = 0;
    int tied = 0;
    for (int i = 0; i < n; i++) {
      long key = keys[i];
      if (key > cut) {
        out[above++] = i;
      } else if (key == cut && tied < k) {
        ties[tied++] = i;
      }
    }
    System.arraycopy(ties, 0, out, above, k - above);
    return out;
  }

  /**
   * The {@code k}-th largest (1-based) of {@code v}, which it may reorder; {@code 1 <= k <= v.length}.
   * Keys of a narrow range (counts: a few distinct values) are counted, others found by a
   * three-way quickselect.
   */
  private long kthLargest(long[] v, int k) {
    long[] range = range(v, v.length);
    if (narrow(range, v.length)) {
      return countedKthLargest(v, v.length, k, range[0], range[1]);
    }
    int lo = 0;
    int hi = v.length;
    int target = k - 1;
    while (true) {
      long pivot = v[lo + randomBelow(hi - lo)];
      int gt = lo;
      int i = lo;
      int lt = hi;
      while (i < lt) {
        long x = v[i];
        if (x > pivot) {
          v[i++] = v[gt];
          v[gt++] = x;
        } else if (x < pivot) {
          v[i] = v[--lt];
          v[lt] = x;
        } else {
          i++;
        }
      }
      if (target < gt) {
        hi = gt;
      } else if (target < lt) {
        return pivot;
      } else {
        lo = lt;
      }
    }
  }

  /** {min, max} of {@code v[0..n)}. */
  private static long[] range(long[] v, int n) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      long x = v[i];
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    return new long[] {min, max};
  }

  /** True when {@code n} keys of {@code range} are counted rather than quickselected. */
  private static boolean narrow(long[] range, int n) {
    long span = range[1] - range[0];
    return span >= 0 && span <= 2L * n + 64;
  }

  /** The {@code k}-th largest of {@code v[0..n)}, counted: {@code v} spans {@code [min, max]}, a narrow range. */
  private static long countedKthLargest(long[] v, int n, int k, long min, long max) {
    int[] counts = new int[(int) (max - min) + 1];
    for (int i = 0; i < n; i++) {
      counts[(int) (v[i] - min)]++;
    }
    int seen = 0;
    int value = (int) (max - min);
    while ((seen += counts[value]) < k) {
      value--;
    }
    return min + value;
  }

  /**
   * Rearranges {@code a[lo..hi]} so that its first {@code k} are the best {@code k} of them
   * (quickselect on {@link #compare}).
   */
  private void selectByCompare(int[] a, int lo, int hi, int k) {
    if (k <= 0 || k > hi - lo) {
      return;
    }
    int target = lo + k;
    while (lo < hi) {
      int p = lo + randomBelow(hi - lo + 1);
      int pivot = a[p];
      a[p] = a[hi];
      a[hi] = pivot;
      int store = lo;
      for (int i = lo; i < hi; i++) {
        if (compare(a[i], pivot) < 0) {
          int t = a[store];
          a[store++] = a[i];
          a[i] = t;
        }
      }
      a[hi] = a[store];
      a[store] = pivot;
      if (store == target) {
        return;
      }
      if (store < target) {
        lo = store + 1;
      } else {
        hi = store - 1;
      }
    }
  }

  /** A pseudo-random number in {@code [0, bound)} (xorshift: pivots no input can defeat by its order). */
  private int randomBelow(int bound) {
    random ^= random << 13;
    random ^= random >>> 7;
    random ^= random << 17;
    return (int) Long.remainderUnsigned(random, bound);
  }

  /** Sorts {@code a[0..n)} best first. */
  void sort(int[] a, int n) {
    if (n < 2) {
      return;
    }
    int[] tmp = new int[n];
    mergeSort(a, tmp, 0, n);
  }

  private void mergeSort(int[] a, int[] tmp, int from, int to) {
    if (to - from <= 16) {
      for (int i = from + 1; i < to; i++) {
        int v = a[i];
        int j = i - 1;
        while (j >= from && compare(a[j], v) > 0) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = v;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(a, tmp, from, mid);
    mergeSort(a, tmp, mid, to);
    if (compare(a[mid - 1], a[mid]) <= 0) {
      return;
    }
    System.arraycopy(a, from, tmp, from, to - from);
    int i = from;
    int j = mid;
    for (int k = from; k < to; k++) {
      if (j >= to || (i < mid && compare(tmp[i], tmp[j]) <= 0)) {
        a[k] = tmp[i++];
      } else {
        a[k] = tmp[j++];
      }
    }
  }
}
