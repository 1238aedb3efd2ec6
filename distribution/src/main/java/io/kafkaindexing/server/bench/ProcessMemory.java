package io.kafkaindexing.server.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's memory: resident set size now and at its peak ({@code VmRSS}, {@code VmHWM} of
 * {@code /proc/self/status}, Linux only; -1 elsewhere), the peak can be reset through
 * {@code /proc/self/clear_refs}; and the Java heap in use. Thread-safe.
 */
public final class ProcessMemory {
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

  private ProcessMemory() {}

  /** Current resident memory in bytes, or -1. */
  public static long rssBytes() {
    return statusKb("VmRSS:") * 1024;
  }

  /** Peak resident memory in bytes since start or the last {@link #resetPeakRss()}, or -1. */
  public static long peakRssBytes() {
    return statusKb("VmHWM:") * 1024;
  }

  /** Resets {@code VmHWM} to the current RSS (Linux 4.0+); false if the kernel refused. */
  public static boolean resetPeakRss() {
    try {
      Files.writeString(CLEAR_REFS, "5");
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Heap in use now, in bytes. */
  public static long heapUsedBytes() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  /** The sum of the heap pools' peak usage since start or {@link #resetPeakHeap()} (an upper bound of the peak). */
  public static long heapPoolPeaksBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  public static void resetPeakHeap() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  public static long maxHeapBytes() {
    return Runtime.getRuntime().maxMemory();
  }

  private static long statusKb(String key) {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith(key)) {
          return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
