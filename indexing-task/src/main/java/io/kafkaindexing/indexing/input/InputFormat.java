package io.kafkaindexing.indexing.input;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/**
 * Druid's {@code inputFormat}: how the bytes of one stream record become raw rows (field name to
 * value). One record may hold several rows. JSON type names are registered by the extension module.
 * Implementations are immutable and thread-safe.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface InputFormat {
  /**
   * The raw rows in {@code value}, in order.
   *
   * @throws ParseException if the bytes are not in this format; nothing of the record is used
   */
  List<Map<String, Object>> read(byte[] value) throws ParseException;
}
