package io.kafkaindexing.query.historical;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.File;

/**
 * {@code druid.segmentCache.*}, the Historical's local copies of published segments:
 * <ul>
 *   <li>{@code locations}: where; Druid's form {@code [{"path":"var/druid/segment-cache","maxSize":"300g"}]}
 *       or a plain directory. One location is supported; {@code maxSize} is accepted and not
 *       enforced. Default {@code var/druid/segment-cache}.</li>
 *   <li>{@code dropSegmentDelayMillis}: how long a segment that is no longer used stays mapped (and
 *       on disk) after it is unannounced, so queries that already picked it finish; default
 *       {@code 30000} as in Druid.</li>
 *   <li>{@code decodedColumnCacheBytes} (this project's, not Druid's): the bound of the process-wide
 *       cache of decompressed columns as primitive arrays that the query kernels read
 *       ({@link io.kafkaindexing.segment.persisted.DecodedColumnCache}); default 134217728 (128 MiB),
 *       0 turns the kernels off (queries then read rows through selectors).</li>
 * </ul>
 * Immutable.
 */
public final class SegmentCacheConfig {
  public static final String DEFAULT_LOCATION = "var/druid/segment-cache";
  public static final long DEFAULT_DROP_SEGMENT_DELAY_MILLIS = 30_000;

  private final File location;
  private final long dropSegmentDelayMillis;
  private final long decodedColumnCacheBytes;

  public SegmentCacheConfig(JsonNode locations, Long dropSegmentDelayMillis) {
    this(locations, dropSegmentDelayMillis, null);
  }

  @JsonCreator
  public SegmentCacheConfig(@JsonProperty("locations") JsonNode locations,
      @JsonProperty("dropSegmentDelayMillis") Long dropSegmentDelayMillis,
      @JsonProperty("decodedColumnCacheBytes") Long decodedColumnCacheBytes) {
    this.location = new File(location(locations));
    long delay = dropSegmentDelayMillis == null ? DEFAULT_DROP_SEGMENT_DELAY_MILLIS : dropSegmentDelayMillis;
    if (delay < 0) {
      throw new IllegalArgumentException("Property[druid.segmentCache.dropSegmentDelayMillis] value[" + delay
          + "] must not be negative");
    }
    this.dropSegmentDelayMillis = delay;
    long decoded = decodedColumnCacheBytes == null ? io.kafkaindexing.segment.persisted.DecodedColumnCache.DEFAULT_CAPACITY_BYTES
        : decodedColumnCacheBytes;
    if (decoded < 0) {
      throw new IllegalArgumentException("Property[druid.segmentCache.decodedColumnCacheBytes] value[" + decoded
          + "] must not be negative");
    }
    this.decodedColumnCacheBytes = decoded;
  }

  public static SegmentCacheConfig of(File location, long dropSegmentDelayMillis) {
    return new SegmentCacheConfig(TextNode.valueOf(location.getPath()),
        dropSegmentDelayMillis);
  }

  private static String location(JsonNode locations) {
    if (locations == null || locations.isNull()) {
      return DEFAULT_LOCATION;
    }
    if (locations.isTextual() && !locations.asText().isBlank()) {
      return locations.asText().trim();
    }
    if (!locations.isArray() || locations.size() != 1) {
      throw new IllegalArgumentException("Property[druid.segmentCache.locations] value[" + locations + "] must list"
          + " exactly one location, e.g. [{\"path\":\"var/druid/segment-cache\"}]");
    }
    JsonNode path = locations.get(0).isTextual() ? locations.get(0) : locations.get(0).get("path");
    if (path == null || !path.isTextual() || path.asText().isBlank()) {
      throw new IllegalArgumentException("Property[druid.segmentCache.locations] value[" + locations + "] has a"
          + " location without a field[path]");
    }
    return path.asText().trim();
  }

  /** The cache directory as configured (may be relative). */
  public File location() {
    return location;
  }

  public long dropSegmentDelayMillis() {
    return dropSegmentDelayMillis;
  }

  /** The bound of the decoded-column cache in bytes (0: off). */
  public long decodedColumnCacheBytes() {
    return decodedColumnCacheBytes;
  }

  @Override
  public String toString() {
    return "SegmentCacheConfig{location=" + location + ", dropSegmentDelayMillis=" + dropSegmentDelayMillis
        + ", decodedColumnCacheBytes=" + decodedColumnCacheBytes + "}";
  }
}
