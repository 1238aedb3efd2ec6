package io.kafkaindexing.query.dimension;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.extraction.ExtractionFn;
import io.kafkaindexing.segment.column.ValueType;
import java.util.Objects;

/**
 * {@code {"type": "extraction", "dimension", "outputName", "outputType", "extractionFn"}}: each
 * value of the column mapped by the extraction function. Immutable.
 */
public final class ExtractionDimensionSpec implements DimensionSpec {
  private final String dimension;
  private final String outputName;
  private final ValueType outputType;
  private final ExtractionFn extractionFn;

  @JsonCreator
  public ExtractionDimensionSpec(@JsonProperty("dimension") String dimension,
      @JsonProperty("outputName") String outputName, @JsonProperty("outputType") ValueType outputType,
      @JsonProperty("extractionFn") ExtractionFn extractionFn) {
    if (dimension == null || dimension.isEmpty()) {
      throw DruidException.invalidInput("Dimension spec of type[extraction] needs a field[dimension]");
    }
    if (extractionFn == null) {
      throw DruidException.invalidInput("Dimension spec of type[extraction] needs a field[extractionFn]");
    }
    this.dimension = dimension;
    this.outputName = outputName == null || outputName.isEmpty() ? dimension : outputName;
    this.outputType = outputType == null ? ValueType.STRING : outputType;
    this.extractionFn = extractionFn;
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
  @JsonProperty
  public ExtractionFn getExtractionFn() {
    return extractionFn;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExtractionDimensionSpec that && dimension.equals(that.dimension)
        && outputName.equals(that.outputName) && outputType == that.outputType
        && extractionFn.equals(that.extractionFn);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dimension, outputName, outputType, extractionFn);
  }

  @Override
  public String toString() {
    return dimension + " via " + extractionFn.getClass().getSimpleName() + " as " + outputName;
  }
}
