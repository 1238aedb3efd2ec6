package io.kafkaindexing.query;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Objects;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/**
 * One timestamped result entry, Druid's {@code {"timestamp": ISO-8601 UTC, "result": value}}. The
 * timestamp is null only for a timeseries grand-total row. It is written in its own time zone (UTC
 * unless a period granularity's {@code timeZone} put it in another, as Druid writes such buckets:
 * {@code 2013-08-31T00:00:00.000-07:00}), or as epoch millis when the query's context asks for
 * {@code serializeDateTimeAsLong}. Written by {@link JsonWriter}, field by field (no bean
 * introspection or reflective getter calls on the request path). Immutable when its value is.
 */
@JsonSerialize(using = Result.JsonWriter.class)
public final class Result<T> {
  private final DateTime timestamp;
  private final T value;
  private final boolean asMillis;

  public Result(long timestampMillis, T value) {
    this(new DateTime(timestampMillis, DateTimeZone.UTC), value, false);
  }

  private Result(DateTime timestamp, T value, boolean asMillis) {
    this.timestamp = timestamp;
    this.value = value;
    this.asMillis = asMillis;
  }

  /** A result without timestamp ({@code "timestamp": null}), e.g. a grand-total row. */
  public static <T> Result<T> withoutTimestamp(T value) {
    return new Result<>(null, value, false);
  }

  /** This result with its timestamp in {@code zone} (the same instant); a result without timestamp stays so. */
  public Result<T> inZone(DateTimeZone zone) {
    return timestamp == null ? this : new Result<>(timestamp.withZone(zone), value, asMillis);
  }

  /** This result with {@code value} instead, written with its timestamp as epoch millis. */
  public <V> Result<V> withMillisTimestamp(V newValue) {
    return new Result<>(timestamp, newValue, true);
  }

  public DateTime getTimestamp() {
    return timestamp;
  }

  /** The timestamp in millis; must not be called on a result without timestamp. */
  public long getTimestampMillis() {
    return timestamp.getMillis();
  }

  public boolean hasTimestamp() {
    return timestamp != null;
  }

  public T getValue() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Result<?> that && Objects.equals(millis(), that.millis()) && Objects.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(millis(), value);
  }

  private Long millis() {
    return timestamp == null ? null : timestamp.getMillis();
  }

  @Override
  public String toString() {
    return "Result{timestamp=" + timestamp + ", result=" + value + "}";
  }

  /** Writes a result as {@code {"timestamp": ..., "result": ...}}, the value by its own serializer. */
  static final class JsonWriter extends StdSerializer<Result<?>> {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings({"unchecked", "rawtypes"})
    JsonWriter() {
      super((Class<Result<?>>) (Class) Result.class);
    }

    @Override
    public void serialize(Result<?> result, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeStartObject(result);
      gen.writeFieldName("timestamp");
      if (result.timestamp == null) {
        gen.writeNull();
      } else if (result.asMillis) {
        gen.writeNumber(result.timestamp.getMillis());
      } else {
        gen.writeString(IsoTimestamps.format(result.timestamp));
      }
      gen.writeFieldName("result");
      provider.defaultSerializeValue(result.value, gen);
      gen.writeEndObject();
    }
  }
}
