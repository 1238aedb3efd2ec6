package io.kafkaindexing.segment.granularity;

import java.util.Objects;

/** {@code {"type":"duration","duration":<millis>,"origin":<time>}}: fixed-length buckets from an origin. Immutable. */
public final class DurationGranularity extends Granularity {
  private final long durationMillis;
  private final long originMillis;

  public DurationGranularity(long durationMillis, long originMillis) {
    if (durationMillis <= 0) {
      throw new IllegalArgumentException("Granularity duration must be positive, got[" + durationMillis + "]");
    }
    this.durationMillis = durationMillis;
    this.originMillis = originMillis;
  }

  public long durationMillis() {
    return durationMillis;
  }

  public long originMillis() {
    return originMillis;
  }

  @Override
  public long bucketStart(long timeMillis) {
    return originMillis + Math.floorDiv(timeMillis - originMillis, durationMillis) * durationMillis;
  }

  @Override
  public long increment(long bucketStartMillis) {
    return bucketStartMillis + durationMillis;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DurationGranularity that && durationMillis == that.durationMillis
        && originMillis == that.originMillis;
  }

  @Override
  public int hashCode() {
    return Objects.hash(durationMillis, originMillis);
  }

  @Override
  public String toString() {
    return "duration(" + durationMillis + "ms)";
  }
}
