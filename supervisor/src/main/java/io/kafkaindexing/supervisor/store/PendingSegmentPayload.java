package io.kafkaindexing.supervisor.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.segment.SegmentId;
import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.joda.time.Interval;

/**
 * The payload of a {@code druid_pendingSegments} row: Druid's {@code SegmentIdWithShardSpec},
 * {@code {"dataSource","interval","version","shardSpec":{"type":"numbered","partitionNum":N,"partitions":0}}}.
 */
@JsonPropertyOrder({"dataSource", "interval", "version", "shardSpec"})
record PendingSegmentPayload(@JsonProperty("dataSource") String dataSource,
    @JsonProperty("interval") Interval interval, @JsonProperty("version") String version,
    @JsonProperty("shardSpec") Map<String, Object> shardSpec) {

  static byte[] write(ObjectMapper mapper, SegmentId id) throws SQLException {
    Map<String, Object> shardSpec = new LinkedHashMap<>();
    shardSpec.put("type", "numbered");
    shardSpec.put("partitionNum", id.partitionNum());
    shardSpec.put("partitions", 0);
    try {
      return mapper.writeValueAsBytes(new PendingSegmentPayload(id.dataSource(), id.interval(), id.version(), shardSpec));
    } catch (IOException e) {
      throw new SQLException("Cannot serialize pending segment[" + id + "]", e);
    }
  }

  static SegmentId read(ObjectMapper mapper, byte[] payload) throws SQLException {
    try {
      PendingSegmentPayload p = mapper.readValue(payload, PendingSegmentPayload.class);
      Object partition = p.shardSpec() == null ? null : p.shardSpec().get("partitionNum");
      return new SegmentId(p.dataSource(), p.interval(), p.version(), partition instanceof Number n ? n.intValue() : 0);
    } catch (IOException e) {
      throw new SQLException("Unreadable pending segment payload", e);
    }
  }
}
