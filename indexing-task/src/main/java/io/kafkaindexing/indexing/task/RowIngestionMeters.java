package io.kafkaindexing.indexing.task;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Druid's row counters for one task: {@code processed} (rows indexed without error),
 * {@code processedBytes} (bytes of record values read), {@code processedWithError} (rows indexed
 * with some values that could not be stored), {@code unparseable} (rows or records that could not
 * be read at all) and {@code thrownAway} (rows skipped, by {@link ThrownAwayReason}), each with
 * 1/5/15-minute moving averages. Thread-safe: written by the task thread, read by reports.
 */
public final class RowIngestionMeters {
  public static final String BUILD_SEGMENTS = "buildSegments";

  private final AtomicLong processed = new AtomicLong();
  private final AtomicLong processedBytes = new AtomicLong();
  private final AtomicLong processedWithError = new AtomicLong();
  private final AtomicLong unparseable = new AtomicLong();
  private final Map<ThrownAwayReason, AtomicLong> thrownAway = new EnumMap<>(ThrownAwayReason.class);
  private final Map<String, MovingAverage> averages = new LinkedHashMap<>();
  /** The averages of {@link #averages} by counter, without a map lookup per row. */
  private final MovingAverage processedRate;
  private final MovingAverage processedBytesRate;
  private final MovingAverage processedWithErrorRate;
  private final MovingAverage thrownAwayRate;
  private final MovingAverage unparseableRate;

  public RowIngestionMeters() {
    this(System::nanoTime);
  }

  public RowIngestionMeters(LongSupplier nanoClock) {
    for (ThrownAwayReason r : ThrownAwayReason.values()) {
      thrownAway.put(r, new AtomicLong());
    }
    processedRate = average("processed", nanoClock);
    processedBytesRate = average("processedBytes", nanoClock);
    processedWithErrorRate = average("processedWithError", nanoClock);
    thrownAwayRate = average("thrownAway", nanoClock);
    unparseableRate = average("unparseable", nanoClock);
  }

  private MovingAverage average(String name, LongSupplier nanoClock) {
    MovingAverage average = new MovingAverage(nanoClock);
    averages.put(name, average);
    return average;
  }

  public void incrementProcessed() {
    processed.incrementAndGet();
    processedRate.mark(1);
  }

  public void addProcessedBytes(long bytes) {
    processedBytes.addAndGet(bytes);
    processedBytesRate.mark(bytes);
  }

  public void incrementProcessedWithError() {
    processedWithError.incrementAndGet();
    processedWithErrorRate.mark(1);
  }

  public void incrementUnparseable() {
    unparseable.incrementAndGet();
    unparseableRate.mark(1);
  }

  public void incrementThrownAway(ThrownAwayReason reason) {
    thrownAway.get(reason).incrementAndGet();
    thrownAwayRate.mark(1);
  }

  public long processed() {
    return processed.get();
  }

  public long processedBytes() {
    return processedBytes.get();
  }

  public long processedWithError() {
    return processedWithError.get();
  }

  public long unparseable() {
    return unparseable.get();
  }

  public long thrownAway() {
    long sum = 0;
    for (AtomicLong n : thrownAway.values()) {
      sum += n.get();
    }
    return sum;
  }

  public long thrownAway(ThrownAwayReason reason) {
    return thrownAway.get(reason).get();
  }

  /**
   * The counters in Druid's {@code rowStats} shape ({@code processed}, {@code processedBytes},
   * {@code processedWithError}, {@code thrownAway}, {@code unparseable}), plus
   * {@code thrownAwayByReason} with the non-zero reasons.
   */
  public Map<String, Object> totals() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("processed", processed.get());
    m.put("processedBytes", processedBytes.get());
    m.put("processedWithError", processedWithError.get());
    m.put("thrownAway", thrownAway());
    m.put("unparseable", unparseable.get());
    Map<String, Long> byReason = new LinkedHashMap<>();
    thrownAway.forEach((reason, n) -> {
      if (n.get() > 0) {
        byReason.put(reason.reason(), n.get());
      }
    });
    m.put("thrownAwayByReason", byReason);
    return m;
  }

  /** {@code {"1m": {...}, "5m": {...}, "15m": {...}}}: each counter's moving average in events per second. */
  public Map<String, Object> movingAverages() {
    String[] windows = {"1m", "5m", "15m"};
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, double[]> rates = new LinkedHashMap<>();
    averages.forEach((name, avg) -> rates.put(name, avg.rates()));
    for (int i = 0; i < windows.length; i++) {
      Map<String, Double> window = new LinkedHashMap<>();
      for (Map.Entry<String, double[]> e : rates.entrySet()) {
        window.put(e.getKey(), e.getValue()[i]);
      }
      out.put(windows[i], window);
    }
    return out;
  }
}
