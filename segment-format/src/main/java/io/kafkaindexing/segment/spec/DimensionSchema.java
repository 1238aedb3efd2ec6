package io.kafkaindexing.segment.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.kafkaindexing.segment.column.ValueType;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of {@code dimensionsSpec.dimensions}: either a bare name (a string dimension) or an
 * object {@code {"type": "string"|"long"|"float"|"double", "name", "multiValueHandling",
 * "createBitmapIndex"}}. Serialized in Druid's expanded object form. Immutable.
 */
@JsonPropertyOrder({"type", "name", "multiValueHandling", "createBitmapIndex"})
public final class DimensionSchema {
  /** How a multi-value string dimension stores each row's values, as Druid names it. */
  public enum MultiValueHandling {
    SORTED_ARRAY, SORTED_SET, ARRAY;

    @JsonCreator
    public static MultiValueHandling fromString(String s) {
      return s == null ? null : valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
  }

  private final String name;
  private final ValueType type;
  private final MultiValueHandling multiValueHandling;
  private final boolean createBitmapIndex;

  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  public DimensionSchema(@JsonProperty("name") String name, @JsonProperty("type") String type,
      @JsonProperty("multiValueHandling") MultiValueHandling multiValueHandling,
      @JsonProperty("createBitmapIndex") Boolean createBitmapIndex) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("Dimension name must be a non-empty string");
    }
    this.name = name;
    this.type = type == null ? ValueType.STRING : ValueType.fromString(type);
    if (this.type == ValueType.COMPLEX) {
      throw new IllegalArgumentException("Dimension[" + name + "] has unsupported type[" + type + "]");
    }
    this.multiValueHandling = multiValueHandling == null ? MultiValueHandling.SORTED_ARRAY : multiValueHandling;
    this.createBitmapIndex = createBitmapIndex == null ? this.type == ValueType.STRING : createBitmapIndex;
  }

  /** A string dimension from a bare name. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static DimensionSchema of(String name) {
    return new DimensionSchema(name, null, null, null);
  }

  @JsonProperty("type")
  public ValueType getType() {
    return type;
  }

  @JsonProperty("name")
  public String getName() {
    return name;
  }

  @JsonProperty("multiValueHandling")
  public MultiValueHandling getMultiValueHandling() {
    return multiValueHandling;
  }

  @JsonProperty("createBitmapIndex")
  public boolean isCreateBitmapIndex() {
    return createBitmapIndex;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DimensionSchema that && name.equals(that.name) && type == that.type
        && multiValueHandling == that.multiValueHandling && createBitmapIndex == that.createBitmapIndex;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, multiValueHandling, createBitmapIndex);
  }

  @Override
  public String toString() {
    return type.jsonName() + ":" + name;
  }
}
