package io.kafkaindexing.segment.incremental;

import java.util.Arrays;

/**
 * A growable array of longs kept in pages of {@link #PAGE_SIZE} entries, so that growing never
 * copies more than one page: the first page starts small and doubles up to full size (small
 * indexes stay small), every later page is allocated full size. New entries read 0. Not
 * thread-safe: the incremental index writes it under its write lock and reads it under its read
 * lock, which also publishes new pages to readers.
 */
final class LongPages {
  static final int PAGE_SHIFT = 12;
  static final int PAGE_SIZE = 1 << PAGE_SHIFT;
  static final int PAGE_MASK = PAGE_SIZE - 1;
  /** Heap bytes of a long[] besides its elements, and of one page reference in the directory. */
  private static final int ARRAY_HEADER_BYTES = 16;
  private static final int REFERENCE_BYTES = 4;

  private final int firstCapacity;
  private long[][] pages = new long[4][];
  /** Addressable entries: the length of page 0 while it grows, then whole pages. */
  private int capacity;

  /** @param firstCapacity the size of the first page when first allocated (a power of two, at most a page) */
  LongPages(int firstCapacity) {
    this.firstCapacity = firstCapacity;
  }

  /** Heap bytes of the directory itself (before any page). */
  long baseBytes() {
    return ARRAY_HEADER_BYTES + (long) REFERENCE_BYTES * pages.length;
  }

  /**
   * Makes {@code index} addressable, allocating (or growing the first) page as needed.
   *
   * @return the heap bytes this allocated (net of a replaced first page)
   */
  long ensure(int index) {
    long bytes = 0;
    while (index >= capacity) {
      if (capacity < PAGE_SIZE) {
        long[] old = pages[0];
        int size = old == null ? firstCapacity : Math.min(PAGE_SIZE, old.length * 2);
        pages[0] = old == null ? new long[size] : Arrays.copyOf(old, size);
        bytes += 8L * (size - (old == null ? 0 : old.length)) + (old == null ? ARRAY_HEADER_BYTES : 0);
        capacity = size;
      } else {
        int page = capacity >>> PAGE_SHIFT;
        if (page == pages.length) {
          pages = Arrays.copyOf(pages, page * 2);
          bytes += (long) REFERENCE_BYTES * page;
        }
        pages[page] = new long[PAGE_SIZE];
        bytes += ARRAY_HEADER_BYTES + 8L * PAGE_SIZE;
        capacity += PAGE_SIZE;
      }
    }
    return bytes;
  }

  long get(int index) {
    return pages[index >>> PAGE_SHIFT][index & PAGE_MASK];
  }

  void set(int index, long value) {
    pages[index >>> PAGE_SHIFT][index & PAGE_MASK] = value;
  }

  /** Adds one to the entry at {@code index}. */
  void increment(int index) {
    pages[index >>> PAGE_SHIFT][index & PAGE_MASK]++;
  }

  /** Whether bit {@code bit} is set, reading this as a bit set (entry {@code bit >>> 6}). */
  boolean bit(int bit) {
    return (get(bit >>> 6) & (1L << bit)) != 0;
  }

  /** Sets bit {@code bit}; entry {@code bit >>> 6} must be addressable. */
  void setBit(int bit) {
    int index = bit >>> 6;
    pages[index >>> PAGE_SHIFT][index & PAGE_MASK] |= 1L << bit;
  }

  /** The page holding entries from {@code page << PAGE_SHIFT} on (shorter than a page while it is the first). */
  long[] page(int page) {
    return pages[page];
  }
}
