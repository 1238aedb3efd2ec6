package io.kafkaindexing.query.dimension;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.kafkaindexing.query.extraction.ExtractionFn;
import io.kafkaindexing.segment.column.ValueType;

/**
 * Which column a query reads and the name and type it reports it under: a bare column name,
 * {@code {"type": "default", "dimension", "outputName", "outputType"}} or
 * {@code {"type": "extraction", ..., "extractionFn"}}. Subtypes are registered by name in the query
 * Jackson module; {@code defaultImpl} only lets the legacy bare-string form (and objects without a
 * type) read as the default spec. Implementations are immutable.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", defaultImpl = DefaultDimensionSpec.class)
public interface DimensionSpec {
  /** The column read. */
  String getDimension();

  /** The name results report; the column name unless renamed. */
  String getOutputName();

  /** The type results report values in; string unless given. */
  default ValueType getOutputType() {
    return ValueType.STRING;
  }

  /** The function applied to each value, or null. */
  default ExtractionFn getExtractionFn() {
    return null;
  }

  /**
   * Whether a value (after the extraction function, as text; null for null) is reported; all are
   * unless the spec filters them ({@link FilteredDimensionSpec}).
   */
  default boolean keeps(String value) {
    return true;
  }
}
