package io.kafkaindexing.indexing.task;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Druid's row counters for one task: {@code processed}, {@code processedBytes},
 * {@code processedWithError}, {@code unparseable}, {@code thrownAway}. Thread-safe: written by the
 * task thread, read by reports.
 */
public final class RowIngestionMeters {
  private final AtomicLong processed = new AtomicLong();
  private final AtomicLong processedBytes = new AtomicLong();
  private final AtomicLong processedWithError = new AtomicLong();
  private final AtomicLong unparseable = new AtomicLong();
  private final AtomicLong thrownAway = new AtomicLong();

  public void incrementProcessed() {
    processed.incrementAndGet();
  }

  public void addProcessedBytes(long bytes) {
    processedBytes.addAndGet(bytes);
  }

  public void incrementProcessedWithError() {
    processedWithError.incrementAndGet();
  }

  public void incrementUnparseable() {
    unparseable.incrementAndGet();
  }

  public void incrementThrownAway() {
    thrownAway.incrementAndGet();
  }

  public long processed() {
    return processed.get();
  }

  public long unparseable() {
    return unparseable.get();
  }

  public long thrownAway() {
    return thrownAway.get();
  }

  /** The counters in Druid's {@code rowStats} order. */
  public Map<String, Long> totals() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("processed", processed.get());
    m.put("processedBytes", processedBytes.get());
    m.put("processedWithError", processedWithError.get());
    m.put("thrownAway", thrownAway.get());
    m.put("unparseable", unparseable.get());
    return m;
  }
}
