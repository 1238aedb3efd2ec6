package io.kafkaindexing.query.dimension;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.segment.column.ValueType;
import java.util.Objects;

/**
 * {@code {"type": "default", "dimension", "outputName", "outputType"}}, or a bare column name:
 * reads the column as it is. {@code outputName} defaults to the column name, {@code outputType}
 * to string. Immutable.
 */
public final class DefaultDimensionSpec implements DimensionSpec {
  private final String dimension;
  private final String outputName;
  private final ValueType outputType;

  @JsonCreator
  public DefaultDimensionSpec(@JsonProperty("dimension") String dimension,
      @JsonProperty("outputName") String outputName, @JsonProperty("outputType") ValueType outputType) {
    if (dimension == null || dimension.isEmpty()) {
      throw DruidException.invalidInput("Dimension spec must have a non-empty field[dimension]");
    }
    this.dimension = dimension;
    this.outputName = outputName == null || outputName.isEmpty() ? dimension : outputName;
    this.outputType = outputType == null ? ValueType.STRING : outputType;
  }

  /** The legacy form: a bare column name. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static DefaultDimensionSpec of(String dimension) {
    return new DefaultDimensionSpec(dimension, null, null);
  }

  @Override
  @JsonProperty
  public String getDimension() {
    return dimension;
  }

  @Override
  @JsonProperty
  public String getOutputName() {
    return outputName;
  }

  @Override
  @JsonProperty
  public ValueType getOutputType() {
    return outputType;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DefaultDimensionSpec that && dimension.equals(that.dimension)
        && outputName.equals(that.outputName) && outputType == that.outputType;
  }

  @Override
  public int hashCode() {
    return Objects.hash(dimension, outputName, outputType);
  }

  @Override
  public String toString() {
    return dimension.equals(outputName) ? dimension : dimension + " as " + outputName;
  }
}
