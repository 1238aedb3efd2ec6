package io.kafkaindexing.segment;

import java.util.Objects;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;

/**
 * Identifies a segment as Druid does: data source, interval, version and partition number.
 * {@link #toString()} is Druid's id string {@code <ds>_<start>_<end>_<version>[_<partitionNum>]}
 * (the partition suffix only when it is not 0). Immutable.
 */
public record SegmentId(String dataSource, Interval interval, String version, int partitionNum)
    implements Comparable<SegmentId> {
  public SegmentId {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(version, "version");
    interval = new Interval(interval.getStartMillis(), interval.getEndMillis(), DateTimeZone.UTC);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(dataSource).append('_').append(interval.getStart()).append('_')
        .append(interval.getEnd()).append('_').append(version);
    if (partitionNum != 0) {
      sb.append('_').append(partitionNum);
    }
    return sb.toString();
  }

  @Override
  public int compareTo(SegmentId o) {
    int c = dataSource.compareTo(o.dataSource);
    if (c == 0) {
      c = Long.compare(interval.getStartMillis(), o.interval.getStartMillis());
    }
    if (c == 0) {
      c = Long.compare(interval.getEndMillis(), o.interval.getEndMillis());
    }
    if (c == 0) {
      c = version.compareTo(o.version);
    }
    return c != 0 ? c : Integer.compare(partitionNum, o.partitionNum);
  }
}
