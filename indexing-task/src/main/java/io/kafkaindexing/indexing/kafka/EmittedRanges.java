package io.kafkaindexing.indexing.kafka;

import java.util.ArrayList;
import java.util.List;

/**
 * The source offsets of one partition whose dead letters were already written, as half-open ranges
 * {@code [from, to)}, sorted, neither overlapping nor touching. Kept in Kafka as the dead-letter
 * consumer group's committed offset of the source partition: the offset is the highest {@code to},
 * the commit metadata lists the ranges ({@code v1:0-50,120-300}).
 *
 * <p>Ranges rather than one mark, because task groups may write out of order: the next group of the
 * same partitions can reach its publish while the previous one is still publishing, and must not
 * hide the previous group's offsets. A committed offset without our metadata (for example moved by
 * {@code kafka-consumer-groups --reset-offsets}) counts as {@code [0, offset)}. At most
 * {@link #MAX_RANGES} ranges are kept; beyond that the lowest (oldest) are forgotten: gaps only
 * appear when a supervisor reset skips offsets, and ranges that far below are long published.
 * Kafka drops the group's offsets {@code offsets.retention.minutes} after its last commit; then the
 * ranges start empty again.
 *
 * <p>Immutable.
 */
final class EmittedRanges {
  static final int MAX_RANGES = 32;
  private static final String VERSION = "v1:";
  private static final EmittedRanges NONE = new EmittedRanges(new long[0]);

  /** from0, to0, from1, to1, ... ascending. */
  private final long[] bounds;

  private EmittedRanges(long[] bounds) {
    this.bounds = bounds;
  }

  static EmittedRanges none() {
    return NONE;
  }

  /**
   * The ranges stored as a committed offset and its metadata; {@code offset} null when the group
   * has no committed offset for the partition.
   */
  static EmittedRanges parse(Long offset, String metadata) {
    if (offset == null) {
      return NONE;
    }
    if (metadata == null || !metadata.startsWith(VERSION)) {
      return offset <= 0 ? NONE : new EmittedRanges(new long[] {0, offset});
    }
    String body = metadata.substring(VERSION.length());
    if (body.isEmpty()) {
      return NONE;
    }
    String[] parts = body.split(",");
    long[] bounds = new long[parts.length * 2];
    try {
      for (int i = 0; i < parts.length; i++) {
        int dash = parts[i].indexOf('-');
        bounds[2 * i] = Long.parseLong(parts[i].substring(0, dash));
        bounds[2 * i + 1] = Long.parseLong(parts[i].substring(dash + 1));
      }
    } catch (RuntimeException e) {
      throw new IllegalStateException("Dead-letter ranges[" + metadata + "] are not v1:from-to,...", e);
    }
    EmittedRanges ranges = NONE;
    for (int i = 0; i < bounds.length; i += 2) {
      ranges = ranges.plus(bounds[i], bounds[i + 1]);
    }
    return ranges;
  }

  boolean contains(long offset) {
    for (int i = 0; i < bounds.length; i += 2) {
      if (offset >= bounds[i] && offset < bounds[i + 1]) {
        return true;
      }
    }
    return false;
  }

  boolean containsAll(long from, long to) {
    for (int i = 0; i < bounds.length; i += 2) {
      if (from >= bounds[i] && to <= bounds[i + 1]) {
        return true;
      }
    }
    return from >= to;
  }

  /** These ranges and {@code [from, to)}, merged; the lowest dropped above {@link #MAX_RANGES}. */
  EmittedRanges plus(long from, long to) {
    if (from >= to) {
      return this;
    }
    List<long[]> merged = new ArrayList<>();
    long f = from;
    long t = to;
    boolean placed = false;
    for (int i = 0; i < bounds.length; i += 2) {
      long a = bounds[i];
      long b = bounds[i + 1];
      if (b < f) {
        merged.add(new long[] {a, b});
      } else if (a > t) {
        if (!placed) {
          merged.add(new long[] {f, t});
          placed = true;
        }
        merged.add(new long[] {a, b});
      } else {
        f = Math.min(f, a);
        t = Math.max(t, b);
      }
    }
    if (!placed) {
      merged.add(new long[] {f, t});
    }
    int skip = Math.max(0, merged.size() - MAX_RANGES);
    long[] out = new long[(merged.size() - skip) * 2];
    for (int i = skip; i < merged.size(); i++) {
      out[2 * (i - skip)] = merged.get(i)[0];
      out[2 * (i - skip) + 1] = merged.get(i)[1];
    }
    return new EmittedRanges(out);
  }

  /** The highest written offset + 1, stored as the group's committed offset; 0 when none. */
  long end() {
    return bounds.length == 0 ? 0 : bounds[bounds.length - 1];
  }

  /** The commit metadata: {@code v1:from-to,...}. */
  String format() {
    StringBuilder sb = new StringBuilder(VERSION);
    for (int i = 0; i < bounds.length; i += 2) {
      sb.append(i == 0 ? "" : ",").append(bounds[i]).append('-').append(bounds[i + 1]);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return format();
  }
}
