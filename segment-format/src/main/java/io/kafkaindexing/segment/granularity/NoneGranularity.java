package io.kafkaindexing.segment.granularity;

/** {@code none}: every millisecond is its own bucket (no truncation). Stateless. */
public final class NoneGranularity extends Granularity {
  static final NoneGranularity INSTANCE = new NoneGranularity();

  private NoneGranularity() {}

  @Override
  public long bucketStart(long timeMillis) {
    return timeMillis;
  }

  @Override
  public long increment(long bucketStartMillis) {
    return bucketStartMillis + 1;
  }

  @Override
  public String toString() {
    return "none";
  }
}
