package io.kafkaindexing.indexing.input.kafka;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Druid's {@code headerFormat} of the {@code kafka} input format: how header bytes become values.
 * Type names are registered by the extension module ({@code string}). Implementations are
 * immutable and thread-safe.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface KafkaHeaderFormat {
  /** The value of one header; null bytes give null. */
  Object decode(byte[] value);
}
