package io.kafkaindexing.indexing.task;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Exponentially weighted moving averages of an event rate over 1, 5 and 15 minutes, in events per
 * second, the way Druid's row meters (Dropwizard meters) compute them: events are gathered into
 * 5-second ticks; at each tick every average moves towards the tick's rate by
 * {@code 1 - exp(-5s / window)}; the first tick sets them. Thread-safe: {@link #mark} from the task
 * thread, reads from any thread; ticks are applied under this object's lock.
 */
public final class MovingAverage {
  private static final long TICK_NANOS = TimeUnit.SECONDS.toNanos(5);
  private static final double[] ALPHAS = {
      1 - Math.exp(-5.0 / 60), 1 - Math.exp(-5.0 / 300), 1 - Math.exp(-5.0 / 900)};

  private final LongSupplier nanoClock;
  private final AtomicLong uncounted = new AtomicLong();
  /** Guarded by this: the averages (1m, 5m, 15m), whether they were set, and the last tick time. */
  private final double[] rates = new double[3];
  private boolean initialized;
  private long lastTick;
  /**
   * {@code lastTick + TICK_NANOS}, readable without the lock: {@link #mark} (once per row and
   * counter on the task thread) takes the lock only when a tick is due. It only grows, so a stale
   * read merely sends a mark into the lock to find nothing to do.
   */
  private volatile long nextTick;

  public MovingAverage(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
    this.lastTick = nanoClock.getAsLong();
    this.nextTick = lastTick + TICK_NANOS;
  }

  public void mark(long n) {
    long now = nanoClock.getAsLong();
    if (now - nextTick >= 0) {
      tickIfNecessary(now);
    }
    uncounted.addAndGet(n);
  }

  /** The 1-minute, 5-minute and 15-minute averages, in events per second. */
  public synchronized double[] rates() {
    tickIfNecessary(nanoClock.getAsLong());
    return rates.clone();
  }

  private synchronized void tickIfNecessary(long now) {
    long ticks = (now - lastTick) / TICK_NANOS;
    if (ticks <= 0) {
      return;
    }
    lastTick += ticks * TICK_NANOS;
    nextTick = lastTick + TICK_NANOS;
    for (long t = 0; t < ticks; t++) {
      double instant = (double) uncounted.getAndSet(0) / TimeUnit.NANOSECONDS.toSeconds(TICK_NANOS);
      for (int i = 0; i < rates.length; i++) {
        rates[i] = initialized ? rates[i] + ALPHAS[i] * (instant - rates[i]) : instant;
      }
      initialized = true;
    }
  }
}
