package io.kafkaindexing.query.dimension;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.query.extraction.ExtractionFn;
import io.kafkaindexing.query.extraction.LookupExtractionFn;
import io.kafkaindexing.query.extraction.MapLookup;
import java.util.Objects;

/**
 * {@code {"type": "lookup", "dimension", "outputName", "lookup": {"type": "map", ...},
 * "retainMissingValue", "replaceMissingValueWith"}}: the column's values mapped by an inline
 * lookup (a registered lookup, {@code "name"}, needs a lookup service and is refused). Immutable.
 */
public final class LookupDimensionSpec implements DimensionSpec {
  private final String dimension;
  private final String outputName;
  private final LookupExtractionFn extractionFn;

  @JsonCreator
  public LookupDimensionSpec(@JsonProperty("dimension") String dimension,
      @JsonProperty("outputName") String outputName, @JsonProperty("lookup") MapLookup lookup,
      @JsonProperty("retainMissingValue") Boolean retainMissingValue,
      @JsonProperty("replaceMissingValueWith") String replaceMissingValueWith,
      @JsonProperty("name") String name, @JsonProperty("optimize") Boolean optimize) {
    if (dimension == null || dimension.isEmpty()) {
      throw DruidException.invalidInput("Dimension spec of type[lookup] needs a field[dimension]");
    }
    if (name != null) {
      throw DruidException.invalidInput("Registered lookup[%s] is not available: give an inline field[lookup] of "
          + "type map", name);
    }
    this.dimension = dimension;
    this.outputName = outputName == null || outputName.isEmpty() ? dimension : outputName;
    this.extractionFn = new LookupExtractionFn(lookup, retainMissingValue, replaceMissingValueWith, null, optimize);
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

  @JsonProperty
  public MapLookup getLookup() {
    return extractionFn.getLookup();
  }

  @Override
  public ExtractionFn getExtractionFn() {
    return extractionFn;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LookupDimensionSpec that && dimension.equals(that.dimension)
        && outputName.equals(that.outputName) && extractionFn.equals(that.extractionFn);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dimension, outputName, extractionFn);
  }
}
