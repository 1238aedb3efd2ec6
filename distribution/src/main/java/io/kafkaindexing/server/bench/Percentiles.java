package io.kafkaindexing.server.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Percentiles of a sample of durations in milliseconds, by the nearest-rank method (the smallest value
 * with at least p% of the sample at or below it). Immutable.
 */
public final class Percentiles {
  private final double[] sorted;

  public Percentiles(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    this.sorted = values.clone();
    Arrays.sort(sorted);
  }

  public double percentile(double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  public double min() {
    return sorted[0];
  }

  public double max() {
    return sorted[sorted.length - 1];
  }

  public int count() {
    return sorted.length;
  }

  /** {@code {"n","min","p50","p95","p99","max"}}, milliseconds rounded to 0.01. */
  public Map<String, Object> summary() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("n", sorted.length);
    m.put("min", round(min()));
    m.put("p50", round(percentile(50)));
    m.put("p95", round(percentile(95)));
    m.put("p99", round(percentile(99)));
    m.put("max", round(max()));
    return m;
  }

  static double round(double ms) {
    return Math.round(ms * 100.0) / 100.0;
  }
}
