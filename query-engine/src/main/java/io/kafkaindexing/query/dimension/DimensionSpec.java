package io.kafkaindexing.query.dimension;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Which column a query reads and the name it reports it under: a bare column name or
 * {@code {"type": "default", "dimension", "outputName"}}. Subtypes are registered by name in the
 * query Jackson module; {@code defaultImpl} only lets the legacy bare-string form (and objects
 * without a type) read as the default spec. Implementations are immutable.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", defaultImpl = DefaultDimensionSpec.class)
public interface DimensionSpec {
  /** The column read. */
  String getDimension();

  /** The name results report; the column name unless renamed. */
  String getOutputName();
}
