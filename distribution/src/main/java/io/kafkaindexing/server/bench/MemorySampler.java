package io.kafkaindexing.server.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * Samples resident memory and heap in use every 100 ms on a daemon thread named {@code bench-memory},
 * keeping the largest values since the last {@link #reset()}; also reads the process's CPU time and
 * the garbage collectors' totals. Thread-safe: the maxima are guarded by this object.
 */
public final class MemorySampler implements AutoCloseable {
  private final Thread thread;
  /** Guarded by this. */
  private long maxRss;
  private long maxHeap;

  public MemorySampler() {
    thread = new Thread(this::run, "bench-memory");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    while (!Thread.currentThread().isInterrupted()) {
      sample();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  public synchronized void sample() {
    maxRss = Math.max(maxRss, ProcessMemory.rssBytes());
    maxHeap = Math.max(maxHeap, ProcessMemory.heapUsedBytes());
  }

  public synchronized void reset() {
    maxRss = 0;
    maxHeap = 0;
    sample();
  }

  public synchronized long maxRssBytes() {
    return maxRss;
  }

  public synchronized long maxHeapBytes() {
    return maxHeap;
  }

  /** CPU time used by this process so far, in nanoseconds (-1 if the JVM cannot tell). */
  public static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /** Total collections and collection time (ms) of all collectors so far: {@code {count, timeMs}}. */
  public static long[] gcTotals() {
    long count = 0;
    long time = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, gc.getCollectionCount());
      time += Math.max(0, gc.getCollectionTime());
    }
    return new long[] {count, time};
  }

  @Override
  public void close() {
    thread.interrupt();
  }
}
