package io.kafkaindexing.indexing.task;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Exponentially weighted moving averages of an event rate over 1, 5 and 15 minutes, in events per
 * second, the way Druid's row meters (Dropwizard meters) compute them: events are gathered into
 * 5-second ticks; at each tick every average moves towards the tick's rate by
 * {@code 1 - exp(-5s / window)}; the first tick sets them. A tick is closed by {@link #tick}, which
 * the marking thread calls between batches of marks (the task thread once per poll), or by a read.
 * {@link #mark} reads no clock and takes no lock: one store, since it runs per row (a clock read and
 * an atomic add per mark were two of the task thread's costs per row, and the tick's branch, first
 * taken 5 s into a task, made the JIT recompile the row path). Thread-safe with one marking thread:
 * {@link #mark} and {@link #count} of that thread, reads and ticks from any thread (under this
 * object's lock).
 */
public final class MovingAverage {
  private static final long TICK_NANOS = TimeUnit.SECONDS.toNanos(5);
  private static final double[] ALPHAS = {
      1 - Math.exp(-5.0 / 60), 1 - Math.exp(-5.0 / 300), 1 - Math.exp(-5.0 / 900)};
  private static final VarHandle COUNT;

  static {
    try {
      COUNT = MethodHandles.lookup().findVarHandle(MovingAverage.class, "count", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final LongSupplier nanoClock;
  /** Events marked so far: written by the marking thread only (a release store), read with acquire. */
  private long count;
  /** Guarded by this: the averages (1m, 5m, 15m), whether they were set, the last tick and the count then. */
  private final double[] rates = new double[3];
  private boolean initialized;
  private long lastTick;
  private long countAtLastTick;
  /** {@code lastTick + TICK_NANOS}, readable without the lock: {@link #tick} takes it only when a tick is due. */
  private volatile long nextTick;

  public MovingAverage(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
    this.lastTick = nanoClock.getAsLong();
    this.nextTick = lastTick + TICK_NANOS;
  }

  /** Counts {@code n} events; from the marking thread only. */
  public void mark(long n) {
    COUNT.setRelease(this, count + n);
  }

  /** Events marked so far. */
  public long count() {
    return (long) COUNT.getAcquire(this);
  }

  /** Closes the ticks due by now: the events marked since the last tick count in the first of them. */
  public void tick() {
    tick(nanoClock.getAsLong());
  }

  /** {@link #tick} with the clock read by the caller (one read for several averages). */
  void tick(long now) {
    if (now - nextTick >= 0) {
      tickIfNecessary(now);
    }
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
    long counted = count();
    long events = counted - countAtLastTick;
    countAtLastTick = counted;
    for (long t = 0; t < ticks; t++) {
      double instant = (t == 0 ? events : 0) / (double) TimeUnit.NANOSECONDS.toSeconds(TICK_NANOS);
      for (int i = 0; i < rates.length; i++) {
        rates[i] = initialized ? rates[i] + ALPHAS[i] * (instant - rates[i]) : instant;
      }
      initialized = true;
    }
  }
}
