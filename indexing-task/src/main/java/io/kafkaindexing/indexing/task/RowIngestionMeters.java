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
 * 1/5/15-minute moving averages. Thread-safe: written by the task thread, read by reports. Each
 * counter is its average's count ({@link MovingAverage#mark}: one store per row, no atomic add and no
 * clock); the task thread closes the averages' 5-second ticks with {@link #tick} once per poll.
 */
public final class RowIngestionMeters {
  public static final String BUILD_SEGMENTS = "buildSegments";

  private final Map<ThrownAwayReason, AtomicLong> thrownAway = new EnumMap<>(ThrownAwayReason.class);
  private final Map<String, MovingAverage> averages = new LinkedHashMap<>();
  /** The averages of {@link #averages} by counter, without a map lookup per row. */
  private final MovingAverage processedRate;
  private final MovingAverage processedBytesRate;
  private final MovingAverage processedWithErrorRate;
  private final MovingAverage thrownAwayRate;
  private final MovingAverage unparseableRate;
  private final LongSupplier nanoClock;

  public RowIngestionMeters() {
    this(System::nanoTime);
  }

  public RowIngestionMeters(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
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
    processedRate.mark(1);
  }

  public void addProcessedBytes(long bytes) {
    processedBytesRate.mark(bytes);
  }

  public void incrementProcessedWithError() {
    processedWithErrorRate.mark(1);
  }

  public void incrementUnparseable() {
    unparseableRate.mark(1);
  }

  public void incrementThrownAway(ThrownAwayReason reason) {
    thrownAway.get(reason).incrementAndGet();
    thrownAwayRate.mark(1);
  }

  /** Closes the moving averages' ticks that are due (one clock read); the task thread calls it once per poll. */
  public void tick() {
    long now = nanoClock.getAsLong();
    for (MovingAverage average : averages.values()) {
      average.tick(now);
    }
  }

  public long processed() {
    return processedRate.count();
  }

  public long processedBytes() {
    return processedBytesRate.count();
  }

  public long processedWithError() {
    return processedWithErrorRate.count();
  }

  public long unparseable() {
    return unparseableRate.count();
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
    m.put("processed", processed());
    m.put("processedBytes", processedBytes());
    m.put("processedWithError", processedWithError());
    m.put("thrownAway", thrownAway());
    m.put("unparseable", unparseable());
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
