package io.kafkaindexing.segment.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import org.joda.time.DateTime;

/**
 * Druid's {@code timestampSpec}: the input column holding the row time ({@code column}, default
 * {@code timestamp}), its {@code format} (default {@code auto}) and an optional
 * {@code missingValue} used when the column is absent. Immutable and thread-safe.
 */
public final class TimestampSpec {
  public static final String DEFAULT_COLUMN = "timestamp";
  public static final String DEFAULT_FORMAT = "auto";

  private final String column;
  private final String format;
  private final DateTime missingValue;
  private final TimestampParser parser;

  @JsonCreator
  public TimestampSpec(@JsonProperty("column") String column, @JsonProperty("format") String format,
      @JsonProperty("missingValue") DateTime missingValue) {
    this.column = column == null ? DEFAULT_COLUMN : column;
    this.format = format == null ? DEFAULT_FORMAT : format;
    this.missingValue = missingValue;
    this.parser = TimestampParser.forFormat(this.format);
  }

  @JsonProperty("column")
  public String getTimestampColumn() {
    return column;
  }

  @JsonProperty("format")
  public String getTimestampFormat() {
    return format;
  }

  @JsonProperty("missingValue")
  public DateTime getMissingValue() {
    return missingValue;
  }

  /**
   * The row time in epoch millis from the raw value of {@link #getTimestampColumn()}, as Druid reads
   * it: the {@code missingValue} when the raw value is null (absent or JSON null) and one is set;
   * otherwise the value parsed in {@link #getTimestampFormat()} (an empty string is unparseable).
   *
   * @throws IllegalArgumentException if the value is null with no missingValue, or unparseable
   */
  public long extractTimestamp(Object raw) {
    if (raw == null) {
      if (missingValue != null) {
        return missingValue.getMillis();
      }
      throw new IllegalArgumentException("Timestamp column[" + column + "] is missing");
    }
    return parser.parse(raw);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimestampSpec that && column.equals(that.column) && format.equals(that.format)
        && Objects.equals(missingValue, that.missingValue);
  }

  @Override
  public int hashCode() {
    return Objects.hash(column, format, missingValue);
  }

  @Override
  public String toString() {
    return "TimestampSpec{column='" + column + "', format='" + format + "', missingValue=" + missingValue + "}";
  }
}
