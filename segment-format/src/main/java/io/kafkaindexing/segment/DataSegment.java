package io.kafkaindexing.segment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.joda.time.Interval;

/**
 * A published segment's record, in Druid's {@code DataSegment} JSON (the {@code payload} of
 * {@code druid_segments}): data source, interval, version, where deep storage keeps it
 * ({@code loadSpec}), its dimensions and metrics (comma-joined), its shard spec
 * ({@code {"type":"numbered","partitionNum":N,"partitions":0}} for streaming), format version 9,
 * total uncompressed size, and the id string. Immutable.
 */
@JsonPropertyOrder({"dataSource", "interval", "version", "loadSpec", "dimensions", "metrics", "shardSpec",
    "binaryVersion", "size", "identifier"})
public final class DataSegment {
  private final SegmentId id;
  private final Map<String, Object> loadSpec;
  private final List<String> dimensions;
  private final List<String> metrics;
  private final int binaryVersion;
  private final long size;

  public DataSegment(SegmentId id, Map<String, Object> loadSpec, List<String> dimensions, List<String> metrics,
      long size) {
    this.id = Objects.requireNonNull(id, "id");
    this.loadSpec = Map.copyOf(Objects.requireNonNull(loadSpec, "loadSpec"));
    this.dimensions = List.copyOf(dimensions);
    this.metrics = List.copyOf(metrics);
    this.binaryVersion = 9;
    this.size = size;
  }

  @JsonCreator
  static DataSegment fromJson(@JsonProperty("dataSource") String dataSource,
      @JsonProperty("interval") Interval interval, @JsonProperty("version") String version,
      @JsonProperty("loadSpec") Map<String, Object> loadSpec, @JsonProperty("dimensions") String dimensions,
      @JsonProperty("metrics") String metrics, @JsonProperty("shardSpec") Map<String, Object> shardSpec,
      @JsonProperty("binaryVersion") Integer binaryVersion, @JsonProperty("size") long size) {
    if (binaryVersion != null && binaryVersion != 9) {
      throw new IllegalArgumentException("Segment binaryVersion[" + binaryVersion + "] is not supported; expected 9");
    }
    Object partitionNum = shardSpec == null ? null : shardSpec.get("partitionNum");
    int partition = partitionNum instanceof Number n ? n.intValue() : 0;
    return new DataSegment(new SegmentId(dataSource, interval, version, partition), loadSpec, split(dimensions),
        split(metrics), size);
  }

  private static List<String> split(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }

  @JsonIgnore
  public SegmentId getId() {
    return id;
  }

  @JsonProperty
  public String getDataSource() {
    return id.dataSource();
  }

  @JsonProperty
  public Interval getInterval() {
    return id.interval();
  }

  @JsonProperty
  public String getVersion() {
    return id.version();
  }

  @JsonProperty
  public Map<String, Object> getLoadSpec() {
    return loadSpec;
  }

  @JsonProperty("dimensions")
  public String getDimensionsJoined() {
    return String.join(",", dimensions);
  }

  @JsonIgnore
  public List<String> getDimensions() {
    return dimensions;
  }

  @JsonProperty("metrics")
  public String getMetricsJoined() {
    return String.join(",", metrics);
  }

  @JsonIgnore
  public List<String> getMetrics() {
    return metrics;
  }

  @JsonProperty
  public Map<String, Object> getShardSpec() {
    Map<String, Object> shardSpec = new java.util.LinkedHashMap<>();
    shardSpec.put("type", "numbered");
    shardSpec.put("partitionNum", id.partitionNum());
    shardSpec.put("partitions", 0);
    return shardSpec;
  }

  @JsonProperty
  public int getBinaryVersion() {
    return binaryVersion;
  }

  @JsonProperty
  public long getSize() {
    return size;
  }

  @JsonProperty
  public String getIdentifier() {
    return id.toString();
  }

  /** A copy kept at another deep-storage location. */
  public DataSegment withLoadSpec(Map<String, Object> newLoadSpec) {
    return new DataSegment(id, newLoadSpec, dimensions, metrics, size);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DataSegment that && id.equals(that.id) && loadSpec.equals(that.loadSpec)
        && dimensions.equals(that.dimensions) && metrics.equals(that.metrics) && size == that.size;
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "DataSegment{" + id + "}";
  }
}
