package io.kafkaindexing.indexing.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MovingAverageTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  private void advanceSeconds(long s) {
    now.addAndGet(TimeUnit.SECONDS.toNanos(s));
  }

  @Test
  void firstTickSetsTheRateThenDecaysExponentially() {
    MovingAverage avg = new MovingAverage(now::get);
    avg.mark(50);
    assertArrayEquals(new double[] {0, 0, 0}, avg.rates(), "no tick yet");
    advanceSeconds(5);
    assertArrayEquals(new double[] {10, 10, 10}, avg.rates(), 1e-9, "50 events in 5 s");
    advanceSeconds(5);
    double[] r = avg.rates();
    assertEquals(10 * Math.exp(-5.0 / 60), r[0], 1e-9);
    assertEquals(10 * Math.exp(-5.0 / 300), r[1], 1e-9);
    assertEquals(10 * Math.exp(-5.0 / 900), r[2], 1e-9);
    advanceSeconds(3600);
    assertEquals(0, avg.rates()[0], 1e-6, "an hour of silence");
  }

  @Test
  void aTickAfterItIsDueClosesItBeforeLaterMarksCount() {
    MovingAverage avg = new MovingAverage(now::get);
    avg.mark(50);
    avg.tick(); // not due: nothing closed
    advanceSeconds(4);
    avg.mark(25); // same tick
    advanceSeconds(1);
    avg.tick(); // closes the first tick: 75 events in the first 5 s
    avg.mark(100);
    advanceSeconds(4);
    avg.mark(7); // same (second) tick
    advanceSeconds(1);
    double[] r = avg.rates();
    assertEquals(15 + (1 - Math.exp(-5.0 / 60)) * (107 / 5.0 - 15), r[0], 1e-9);
    assertEquals(15 + (1 - Math.exp(-5.0 / 900)) * (107 / 5.0 - 15), r[2], 1e-9);
    assertEquals(182, avg.count());
  }

  @Test
  void marksNeverReadTheClock() {
    AtomicLong reads = new AtomicLong();
    MovingAverage avg = new MovingAverage(() -> {
      reads.incrementAndGet();
      return now.get();
    });
    long before = reads.get();
    for (int i = 0; i < 1000; i++) {
      avg.mark(1);
    }
    assertEquals(before, reads.get());
    assertEquals(1000, avg.count());
  }

  @Test
  void metersTickEveryAverageWithOneClockRead() {
    RowIngestionMeters meters = new RowIngestionMeters(now::get);
    meters.incrementProcessed();
    meters.addProcessedBytes(10);
    advanceSeconds(5);
    meters.tick();
    meters.incrementProcessed(); // after the tick: counts in the second one
    assertEquals(0.2, ((java.util.Map<?, ?>) meters.movingAverages().get("1m")).get("processed"));
    assertEquals(2, meters.processed());
    assertEquals(10, meters.processedBytes());
  }

  @Test
  void metersReportAllFiveCountersPerWindow() {
    RowIngestionMeters meters = new RowIngestionMeters(now::get);
    for (int i = 0; i < 10; i++) {
      meters.incrementProcessed();
    }
    meters.addProcessedBytes(500);
    advanceSeconds(5);
    Map<String, Object> averages = meters.movingAverages();
    assertEquals(java.util.List.of("1m", "5m", "15m"), java.util.List.copyOf(averages.keySet()));
    @SuppressWarnings("unchecked")
    Map<String, Double> oneMinute = (Map<String, Double>) averages.get("1m");
    assertEquals(Map.of("processed", 2.0, "processedBytes", 100.0, "processedWithError", 0.0, "thrownAway", 0.0,
        "unparseable", 0.0), oneMinute);
  }
}
