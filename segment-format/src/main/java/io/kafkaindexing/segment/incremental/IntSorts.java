package io.kafkaindexing.segment.incremental;

/**
 * A stable sort of {@code int[]} ranges by an {@link IntComparator}: insertion sort of short runs,
 * then bottom-up merges through one scratch array. Replaces sorting boxed {@code Integer[]} with
 * a {@code Comparator}, which allocated a box per id and shared {@code TimSort} with every other
 * object sort of the process (whose mixed array types made the JIT recompile it again and again).
 * Stateless.
 */
final class IntSorts {
  private static final int RUN = 16;

  private IntSorts() {}

  /** Sorts {@code a[from, to)} by {@code order}; equal ids keep their relative order. */
  static void sort(int[] a, int from, int to, IntComparator order) {
    int n = to - from;
    if (n < 2) {
      return;
    }
    for (int start = from; start < to; start += RUN) {
      insertionSort(a, start, Math.min(start + RUN, to), order);
    }
    if (n <= RUN) {
      return;
    }
    int[] src = a;
    int[] dst = new int[a.length];
    for (int width = RUN; width < n; width *= 2) {
      for (int lo = from; lo < to; lo += 2 * width) {
        int mid = Math.min(lo + width, to);
        int hi = Math.min(lo + 2 * width, to);
        merge(src, lo, mid, hi, dst, order);
      }
      int[] t = src;
      src = dst;
      dst = t;
    }
    if (src != a) {
      System.arraycopy(src, from, a, from, n);
    }
  }

  private static void insertionSort(int[] a, int from, int to, IntComparator order) {
    for (int i = from + 1; i < to; i++) {
      int v = a[i];
      int j = i - 1;
      while (j >= from && order.compare(a[j], v) > 0) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = v;
    }
  }

  /** Merges the sorted {@code src[lo, mid)} and {@code src[mid, hi)} into {@code dst[lo, hi)}, left first on ties. */
  private static void merge(int[] src, int lo, int mid, int hi, int[] dst, IntComparator order) {
    if (mid >= hi || order.compare(src[mid - 1], src[mid]) <= 0) {
      System.arraycopy(src, lo, dst, lo, hi - lo);
      return;
    }
    int i = lo;
    int j = mid;
    int k = lo;
    while (i < mid && j < hi) {
      dst[k++] = order.compare(src[j], src[i]) < 0 ? src[j++] : src[i++];
    }
    System.arraycopy(src, i, dst, k, mid - i);
    k += mid - i;
    System.arraycopy(src, j, dst, k, hi - j);
  }
}
