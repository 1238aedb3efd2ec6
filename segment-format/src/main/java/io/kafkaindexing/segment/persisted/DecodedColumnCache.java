package io.kafkaindexing.segment.persisted;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The process-wide, bounded cache of decompressed columns of persisted segments as primitive
 * arrays ({@code long[]}, {@code double[]}, {@code float[]}, {@code int[]} of dictionary ids, null
 * bit sets, {@link io.kafkaindexing.segment.read.BlockSums}; a decoding may give null, which is
 * cached as the answer), least recently used first out. Its bound, {@link #capacityBytes()}, counts the arrays'
 * bytes (8 per long or double row, 4 per float or id row); a column larger than the whole bound is
 * not cached. The Historical sets it from {@code druid.segmentCache.decodedColumnCacheBytes}
 * (default {@value #DEFAULT_CAPACITY_BYTES}, 128 MiB: the bench's 2,000,000 rows need about 72 MiB);
 * 0 disables the cache, and then segments offer no {@link io.kafkaindexing.segment.read.ColumnArrays}
 * (queries read rows through selectors). Entries of a closed segment are dropped.
 *
 * <p>When a decoded column does not fit beside what is cached, it is admitted only if it was asked
 * for more often than each entry it would push out (request counts halved now and then, so that
 * the counts follow the recent workload): queries that each read more columns than fit (10,000,000
 * of the bench's rows need about 360 MiB) keep a fixed part of them cached, where least recently
 * used eviction alone would push out each column just before the next query reads it and cache
 * nothing useful. Thread-safe: a column being decoded by two threads at once is decoded twice and
 * cached once.
 */
public final class DecodedColumnCache {
  public static final long DEFAULT_CAPACITY_BYTES = 128L << 20;
  private static final DecodedColumnCache INSTANCE = new DecodedColumnCache(DEFAULT_CAPACITY_BYTES);

  /** Requests between halvings of the request counts, per key counted (at least 64 keys). */
  private static final int AGING_PERIOD_PER_KEY = 8;

  private final Map<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
  /** Recent requests per key, cached or not (see the admission rule above). */
  private final Map<Key, Integer> requests = new HashMap<>();
  private long requestsSinceAging;
  private long capacity;
  private long bytes;
  private long hits;
  private long misses;

  DecodedColumnCache(long capacity) {
    this.capacity = capacity;
  }

  /** The cache of this process. */
  public static DecodedColumnCache get() {
    return INSTANCE;
  }

  /** Sets the bound (bytes; 0 disables), evicting what no longer fits. */
  public synchronized void setCapacityBytes(long capacityBytes) {
    if (capacityBytes < 0) {
      throw new IllegalArgumentException("decoded column cache size[" + capacityBytes + "] must not be negative");
    }
    this.capacity = capacityBytes;
    evict();
  }

  public synchronized long capacityBytes() {
    return capacity;
  }

  /** Bytes of the arrays cached now. */
  public synchronized long sizeBytes() {
    return bytes;
  }

  /** {hits, misses} since start. */
  public synchronized long[] stats() {
    return new long[] {hits, misses};
  }

  /** Arrays of {@code segment}'s {@code column} in {@code form}, decoded by {@code decode} on a miss. */
  <T> T get(PersistedSegment segment, String column, char form, Supplier<T> decode) {
    Key key = new Key(segment, column, form);
    synchronized (this) {
      count(key);
      Entry e = entries.get(key);
      if (e != null) {
        hits++;
        @SuppressWarnings("unchecked")
        T value = (T) e.value();
        return value;
      }
      misses++;
    }
    T value = decode.get();
    long size = sizeOf(value);
    synchronized (this) {
      if (size <= capacity && !segment.isClosed() && !entries.containsKey(key) && admits(key, size)) {
        entries.put(key, new Entry(value, size));
        bytes += size;
        evict();
      }
    }
    return value;
  }

  private void count(Key key) {
    requests.merge(key, 1, Integer::sum);
    if (++requestsSinceAging >= (long) AGING_PERIOD_PER_KEY * Math.max(64, requests.size())) {
      requests.replaceAll((k, n) -> n / 2);
      requests.values().removeIf(n -> n == 0);
      requestsSinceAging = 0;
    }
  }

  /**
   * Whether a new entry of {@code size} bytes goes in: when it fits beside the others, or when every
   * entry it would push out (least recently used first) was asked for less often than it.
   */
  private boolean admits(Key key, long size) {
    if (bytes + size <= capacity) {
      return true;
    }
    int asked = requests.getOrDefault(key, 0);
    long freed = 0;
    for (Map.Entry<Key, Entry> victim : entries.entrySet()) {
      if (requests.getOrDefault(victim.getKey(), 0) >= asked) {
        return false;
      }
      freed += victim.getValue().bytes();
      if (bytes - freed + size <= capacity) {
        return true;
      }
    }
    return true;
  }

  /** Drops every entry of {@code segment}. */
  synchronized void invalidate(PersistedSegment segment) {
    requests.keySet().removeIf(k -> k.segment() == segment);
    Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Key, Entry> e = it.next();
      if (e.getKey().segment() == segment) {
        bytes -= e.getValue().bytes();
        it.remove();
      }
    }
  }

  /** Drops everything (tests). */
  public synchronized void clear() {
    entries.clear();
    requests.clear();
    requestsSinceAging = 0;
    bytes = 0;
  }

  private void evict() {
    Iterator<Entry> it = entries.values().iterator();
    while (bytes > capacity && it.hasNext()) {
      bytes -= it.next().bytes();
      it.remove();
    }
  }

  private static long sizeOf(Object value) {
    if (value instanceof long[] a) {
      return 16L + 8L * a.length;
    }
    if (value instanceof double[] a) {
      return 16L + 8L * a.length;
    }
    if (value instanceof float[] a) {
      return 16L + 4L * a.length;
    }
    if (value instanceof int[] a) {
      return 16L + 4L * a.length;
    }
    return 16L;
  }

  /** Segments compare by identity: a reloaded segment is another entry. */
  private record Key(PersistedSegment segment, String column, char form) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.segment == segment && k.form == form && k.column.equals(column);
    }

    @Override
    public int hashCode() {
      return (System.identityHashCode(segment) * 31 + column.hashCode()) * 31 + form;
    }
  }

  private record Entry(Object value, long bytes) {}
}
