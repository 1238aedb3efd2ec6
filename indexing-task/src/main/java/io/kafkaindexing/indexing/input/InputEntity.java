package io.kafkaindexing.indexing.input;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * One stream record as input formats see it: its value (null for a Kafka tombstone), key (may be
 * null), headers in record order, record timestamp (epoch millis), and its coordinates (topic,
 * partition, offset). Formats that only parse payloads read {@link #value()}; the {@code kafka}
 * format reads the rest too. Immutable; the byte arrays are not copied and must not be modified.
 */
public final class InputEntity {
  /** One record header: a name and raw bytes (null when the header has no value). */
  public record Header(String key, byte[] value) {
    public Header {
      Objects.requireNonNull(key, "key");
    }
  }

  private final String topic;
  private final int partition;
  private final long offset;
  private final long timestamp;
  private final byte[] key;
  private final byte[] value;
  private final List<Header> headers;

  public InputEntity(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value,
      List<Header> headers) {
    this.topic = topic;
    this.partition = partition;
    this.offset = offset;
    this.timestamp = timestamp;
    this.key = key;
    this.value = value;
    this.headers = headers == null || headers.isEmpty() ? List.of() : List.copyOf(headers);
  }

  /** An entity holding only a payload, e.g. a record key handed to a key format. */
  public static InputEntity ofValue(byte[] value) {
    return new InputEntity(null, -1, -1, 0L, null, value, List.of());
  }

  /** A UTF-8 payload, for tests and tools. */
  public static InputEntity ofValue(String value) {
    return ofValue(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }

  public String topic() {
    return topic;
  }

  public int partition() {
    return partition;
  }

  public long offset() {
    return offset;
  }

  public long timestamp() {
    return timestamp;
  }

  public byte[] key() {
    return key;
  }

  public byte[] value() {
    return value;
  }

  public List<Header> headers() {
    return headers;
  }

  /** True for a record without a value (a Kafka tombstone). */
  public boolean isTombstone() {
    return value == null;
  }

  /** The value as text for messages: UTF-8, cut at {@code maxChars}; "null" for a tombstone. */
  public String valuePreview(int maxChars) {
    if (value == null) {
      return "null";
    }
    String s = new String(value, StandardCharsets.UTF_8);
    return s.length() > maxChars ? s.substring(0, maxChars) + "..." : s;
  }

  @Override
  public String toString() {
    return "InputEntity{topic=" + topic + ", partition=" + partition + ", offset=" + offset + "}";
  }
}
