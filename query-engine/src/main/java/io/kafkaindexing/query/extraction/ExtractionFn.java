package io.kafkaindexing.query.extraction;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Druid's {@code extractionFn}: maps each value of a column to a string (or null) before a
 * dimension spec reports it or a filter tests it. Types are registered by name in the query
 * Jackson module. Implementations are immutable and thread-safe.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface ExtractionFn {
  /**
   * The extracted value of {@code value}: a String of a string column, a Long, Float or Double of a
   * numeric column (millis for {@code __time}), or null.
   */
  String apply(Object value);

  /** True when different inputs always give different outputs (Druid's {@code ONE_TO_ONE}). */
  default boolean isOneToOne() {
    return false;
  }
}
