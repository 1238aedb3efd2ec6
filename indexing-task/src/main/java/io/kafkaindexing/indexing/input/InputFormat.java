package io.kafkaindexing.indexing.input;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Druid's {@code inputFormat}: how one stream record becomes raw rows (field name to value), before
 * the {@code timestampSpec} and {@code dimensionsSpec} apply. One record may hold several rows;
 * payload formats read {@link InputEntity#value()}, the {@code kafka} format also the key, headers,
 * timestamp and topic. JSON type names are registered by the extension module.
 * Implementations are immutable and thread-safe.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface InputFormat {
  /**
   * The rows of {@code entity}, in order. Rows that fail alone come back as error rows.
   *
   * @throws ParseException if the record as a whole is not in this format; none of its rows is used
   */
  RawRows read(InputEntity entity) throws ParseException;

  /**
   * Whether a record without a value (a Kafka tombstone) is given to {@link #read}. Druid counts
   * tombstones as thrown away for payload formats; the {@code kafka} format makes a row of the key,
   * headers and metadata instead.
   */
  default boolean readsTombstones() {
    return false;
  }

  /**
   * This format as it should read for {@code dimensionsSpec.useSchemaDiscovery}: formats of nested
   * data then expose nested objects too (Druid's "discover nested fields"). Others return themselves.
   */
  default InputFormat withNestedFieldDiscovery() {
    return this;
  }
}
