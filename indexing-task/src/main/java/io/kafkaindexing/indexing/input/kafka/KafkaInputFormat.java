package io.kafkaindexing.indexing.input.kafka;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.kafkaindexing.indexing.input.FallbackMap;
import io.kafkaindexing.indexing.input.InputEntity;
import io.kafkaindexing.indexing.input.InputFormat;
import io.kafkaindexing.indexing.input.ParseException;
import io.kafkaindexing.indexing.input.RawRow;
import io.kafkaindexing.indexing.input.RawRows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code {"type": "kafka"}}: wraps a {@code valueFormat} and adds the record's metadata to each of its
 * rows, as Druid's Kafka input format does: the record timestamp (epoch millis) as
 * {@code timestampColumnName} (default {@code kafka.timestamp}), the topic as {@code topicColumnName}
 * (default {@code kafka.topic}), each header as {@code headerColumnPrefix} + its name (default prefix
 * {@code kafka.header.}; headers are read only when a {@code headerFormat} is given), and the key,
 * read with {@code keyFormat} (the first value of its first row), as {@code keyColumnName} (default
 * {@code kafka.key}). A header named like the timestamp or topic column wins over them; payload
 * fields win over all metadata on a name clash. A tombstone (no value) yields one row of the
 * metadata alone. Immutable and thread-safe.
 */
@JsonPropertyOrder({"type", "valueFormat", "timestampColumnName", "topicColumnName", "headerFormat",
    "headerColumnPrefix", "keyFormat", "keyColumnName"})
public final class KafkaInputFormat implements InputFormat {
  public static final String TYPE = "kafka";
  public static final String DEFAULT_TIMESTAMP_COLUMN = "kafka.timestamp";
  public static final String DEFAULT_TOPIC_COLUMN = "kafka.topic";
  public static final String DEFAULT_HEADER_PREFIX = "kafka.header.";
  public static final String DEFAULT_KEY_COLUMN = "kafka.key";

  private final InputFormat valueFormat;
  private final String timestampColumnName;
  private final String topicColumnName;
  private final KafkaHeaderFormat headerFormat;
  private final String headerColumnPrefix;
  private final InputFormat keyFormat;
  private final String keyColumnName;

  @JsonCreator
  public KafkaInputFormat(@JsonProperty("headerFormat") KafkaHeaderFormat headerFormat,
      @JsonProperty("keyFormat") InputFormat keyFormat,
      @JsonProperty("valueFormat") InputFormat valueFormat,
      @JsonProperty("headerColumnPrefix") String headerColumnPrefix,
      @JsonProperty("keyColumnName") String keyColumnName,
      @JsonProperty("timestampColumnName") String timestampColumnName,
      @JsonProperty("topicColumnName") String topicColumnName) {
    if (valueFormat == null) {
      throw new IllegalArgumentException("inputFormat.valueFormat is required for the kafka input format");
    }
    if (valueFormat instanceof KafkaInputFormat || keyFormat instanceof KafkaInputFormat) {
      throw new IllegalArgumentException("inputFormat.valueFormat and keyFormat cannot be of type kafka");
    }
    this.valueFormat = valueFormat;
    this.keyFormat = keyFormat;
    this.headerFormat = headerFormat;
    this.headerColumnPrefix = headerColumnPrefix == null ? DEFAULT_HEADER_PREFIX : headerColumnPrefix;
    this.keyColumnName = keyColumnName == null ? DEFAULT_KEY_COLUMN : keyColumnName;
    this.timestampColumnName = timestampColumnName == null ? DEFAULT_TIMESTAMP_COLUMN : timestampColumnName;
    this.topicColumnName = topicColumnName == null ? DEFAULT_TOPIC_COLUMN : topicColumnName;
  }

  @JsonProperty
  public InputFormat getValueFormat() {
    return valueFormat;
  }

  @JsonProperty
  public String getTimestampColumnName() {
    return timestampColumnName;
  }

  @JsonProperty
  public String getTopicColumnName() {
    return topicColumnName;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public KafkaHeaderFormat getHeaderFormat() {
    return headerFormat;
  }

  @JsonProperty
  public String getHeaderColumnPrefix() {
    return headerColumnPrefix;
  }

  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public InputFormat getKeyFormat() {
    return keyFormat;
  }

  @JsonProperty
  public String getKeyColumnName() {
    return keyColumnName;
  }

  @Override
  public boolean readsTombstones() {
    return true;
  }

  @Override
  public InputFormat withNestedFieldDiscovery() {
    return new KafkaInputFormat(headerFormat, keyFormat == null ? null : keyFormat.withNestedFieldDiscovery(),
        valueFormat.withNestedFieldDiscovery(), headerColumnPrefix, keyColumnName, timestampColumnName,
        topicColumnName);
  }

  @Override
  public RawRows read(InputEntity entity) throws ParseException {
    Map<String, Object> metadata = metadata(entity);
    if (entity.isTombstone()) {
      return RawRows.independent(List.of(RawRow.of(metadata)));
    }
    RawRows values = valueFormat.read(entity);
    List<RawRow> rows = new ArrayList<>(values.rows().size());
    for (RawRow row : values.rows()) {
      rows.add(row.isError() ? row : RawRow.of(blend(row.fields(), metadata)));
    }
    return new RawRows(rows, values.isAllOrNothing());
  }

  /** Headers, then the record timestamp and topic unless a header took their names, then the key. */
  private Map<String, Object> metadata(InputEntity entity) throws ParseException {
    Map<String, Object> metadata = new LinkedHashMap<>();
    if (headerFormat != null) {
      for (InputEntity.Header header : entity.headers()) {
        metadata.put(headerColumnPrefix + header.key(), headerFormat.decode(header.value()));
      }
    }
    metadata.putIfAbsent(timestampColumnName, entity.timestamp());
    metadata.putIfAbsent(topicColumnName, entity.topic());
    if (keyFormat != null && entity.key() != null) {
      Object key = readKey(entity.key());
      if (!metadata.containsKey(keyColumnName)) {
        metadata.put(keyColumnName, key);
      }
    }
    return metadata;
  }

  private Object readKey(byte[] key) throws ParseException {
    RawRows rows;
    try {
      rows = keyFormat.read(InputEntity.ofValue(key));
    } catch (ParseException e) {
      throw new ParseException(e.input(), "Unable to parse the record key: " + e.getMessage(), e);
    }
    if (rows.isEmpty()) {
      return null;
    }
    RawRow first = rows.rows().get(0);
    if (first.isError()) {
      throw new ParseException(first.error().input(), "Unable to parse the record key: "
          + first.error().getMessage(), first.error());
    }
    return first.fields().isEmpty() ? null : first.fields().values().iterator().next();
  }

  private static Map<String, Object> blend(Map<String, Object> payload, Map<String, Object> metadata) {
    Map<String, Object> visible = new LinkedHashMap<>(payload);
    metadata.forEach((k, v) -> {
      if (!visible.containsKey(k)) {
        visible.put(k, v);
      }
    });
    return new FallbackMap(visible, payload::get);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KafkaInputFormat that && valueFormat.equals(that.valueFormat)
        && timestampColumnName.equals(that.timestampColumnName) && topicColumnName.equals(that.topicColumnName)
        && Objects.equals(headerFormat, that.headerFormat) && headerColumnPrefix.equals(that.headerColumnPrefix)
        && Objects.equals(keyFormat, that.keyFormat) && keyColumnName.equals(that.keyColumnName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(valueFormat, timestampColumnName, topicColumnName, headerFormat, headerColumnPrefix,
        keyFormat, keyColumnName);
  }

  @Override
  public String toString() {
    return "KafkaInputFormat{valueFormat=" + valueFormat + ", keyFormat=" + keyFormat + ", headerFormat="
        + headerFormat + "}";
  }
}
