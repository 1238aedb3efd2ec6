package io.kafkaindexing.query.topn;

/**
 * The topN rank order of candidates {@code 0..n-1} when the metric is {@code count} or a simple
 * numeric aggregator, on primitives: metric keys descending ({@code GroupColumns#rankKey}: the
 * aggregator comparator's order), null metrics last, then the tie-break ascending: dimension values
 * (strings, null first, as {@link TopNRanker} breaks ties) or, per segment before values are looked
 * up, dictionary ids (as {@link TopNRanker#best} does), then the candidate number. A total order, so
 * the best {@code k} are one set whatever the method; {@link #select} finds them by quickselect and
 * {@link #sort} orders them, without boxing or comparator objects. Not thread-safe.
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

  /** Rearranges {@code a[0..n)} so that {@code a[0..k)} are the best {@code k} of them, in no particular order. */
  void select(int[] a, int n, int k) {
    int lo = 0;
    int hi = n - 1;
    if (k <= 0 || k >= n) {
      return;
    }
    while (lo < hi) {
      random ^= random << 13;
      random ^= random >>> 7;
      random ^= random << 17;
      int p = lo + (int) Long.remainderUnsigned(random, hi - lo + 1);
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
      if (store == k) {
        return;
      }
      if (store < k) {
        lo = store + 1;
      } else {
        hi = store - 1;
      }
    }
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
