package io.kafkaindexing.core.storage;

import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;

/**
 * Druid's relative directory of a segment, shared by deep storage and the Historical's segment cache
 * ({@code DataSegmentPusher.getDefaultStorageDir}):
 * <pre>
 *   &lt;dataSource&gt;/&lt;intervalStart&gt;_&lt;intervalEnd&gt;/&lt;version&gt;/&lt;partitionNum&gt;
 *   metrics-kafka/2018-03-06T09:00:00.000Z_2018-03-06T10:00:00.000Z/2026-11-26T05:39:58.476Z/0
 * </pre>
 * Interval ends are ISO-8601 in UTC with milliseconds. Every part must be usable as one directory
 * name: a part that is empty, {@code .} or {@code ..}, or holds {@code /}, {@code \} or a NUL is
 * refused, so a segment can never be written outside its directory. Stateless.
 */
public final class SegmentPaths {
  private SegmentPaths() {}

  /** The relative directory, parts joined with {@code /}. */
  public static String storageDir(String dataSource, Interval interval, String version, int partitionNum) {
    return String.join("/", parts(dataSource, interval, version, partitionNum));
  }

  /** The four directory names of {@link #storageDir}, checked. */
  public static String[] parts(String dataSource, Interval interval, String version, int partitionNum) {
    if (partitionNum < 0) {
      throw new IllegalArgumentException("Segment partitionNum[" + partitionNum + "] must not be negative");
    }
    return new String[] {
        checked("dataSource", dataSource),
        intervalDirName(interval),
        checked("version", version),
        Integer.toString(partitionNum)};
  }

  /** {@code <start>_<end>} in UTC, e.g. {@code 2018-03-06T09:00:00.000Z_2018-03-06T10:00:00.000Z}. */
  public static String intervalDirName(Interval interval) {
    if (interval == null) {
      throw new IllegalArgumentException("Segment interval must be given");
    }
    return new DateTime(interval.getStartMillis(), DateTimeZone.UTC) + "_"
        + new DateTime(interval.getEndMillis(), DateTimeZone.UTC);
  }

  private static String checked(String what, String part) {
    if (part == null || part.isEmpty() || part.equals(".") || part.equals("..") || part.indexOf('/') >= 0
        || part.indexOf('\\') >= 0 || part.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("Segment " + what + "[" + part + "] cannot be a directory name: it must be"
          + " non-empty, not '.' or '..', and hold no '/', '\\' or NUL");
    }
    return part;
  }
}
