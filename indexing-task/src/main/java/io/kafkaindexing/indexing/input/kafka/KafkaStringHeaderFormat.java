package io.kafkaindexing.indexing.input.kafka;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * {@code {"type": "string", "encoding": "UTF-8"}}: each header value is text in {@code encoding}
 * (default UTF-8; any charset Java knows, e.g. ISO-8859-1, US-ASCII, UTF-16, UTF-16BE, UTF-16LE).
 * An unknown encoding is refused naming it. Immutable and thread-safe.
 */
public final class KafkaStringHeaderFormat implements KafkaHeaderFormat {
  public static final String TYPE = "string";

  private final Charset encoding;

  @JsonCreator
  public KafkaStringHeaderFormat(@JsonProperty("encoding") String encoding) {
    try {
      this.encoding = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      // No cause: the spec reader reports the root cause's message, and this one names the field.
      throw new IllegalArgumentException("inputFormat.headerFormat.encoding[" + encoding + "] is not supported: "
          + e.getClass().getSimpleName());
    }
  }

  @JsonProperty
  public String getEncoding() {
    return encoding.name();
  }

  @Override
  public Object decode(byte[] value) {
    return value == null ? null : new String(value, encoding);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KafkaStringHeaderFormat that && encoding.equals(that.encoding);
  }

  @Override
  public int hashCode() {
    return encoding.hashCode();
  }

  @Override
  public String toString() {
    return "KafkaStringHeaderFormat{encoding=" + encoding.name() + "}";
  }
}
