package io.kafkaindexing.segment.column;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The value types of Druid columns, named as Druid's JSON names them ({@code "string"}, {@code "long"}...). */
public enum ValueType {
  STRING,
  LONG,
  FLOAT,
  DOUBLE,
  COMPLEX;

  public boolean isNumeric() {
    return this == LONG || this == FLOAT || this == DOUBLE;
  }

  @JsonValue
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static ValueType fromString(String name) {
    if (name == null) {
      return null;
    }
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Unknown value type[" + name + "]: expected string, long, float or double");
    }
  }
}
