package io.kafkaindexing.indexing.input;

import java.util.Map;
import java.util.Objects;

/**
 * One row read from a record before the timestamp and dimensions are applied: either its fields
 * (name to value: String, Long, Double, Boolean, List, Map or null) or the {@link ParseException}
 * that made this row (and only this row) unreadable, e.g. one bad line of a CSV record. Immutable
 * holder; the field map is not copied.
 */
public final class RawRow {
  private final Map<String, Object> fields;
  private final ParseException error;

  private RawRow(Map<String, Object> fields, ParseException error) {
    this.fields = fields;
    this.error = error;
  }

  public static RawRow of(Map<String, Object> fields) {
    return new RawRow(Objects.requireNonNull(fields, "fields"), null);
  }

  public static RawRow error(ParseException error) {
    return new RawRow(null, Objects.requireNonNull(error, "error"));
  }

  public boolean isError() {
    return error != null;
  }

  /** The fields; null for an error row. */
  public Map<String, Object> fields() {
    return fields;
  }

  /** The error; null for a row with fields. */
  public ParseException error() {
    return error;
  }

  @Override
  public String toString() {
    return error != null ? "RawRow{error=" + error.getMessage() + "}" : "RawRow" + fields;
  }
}
