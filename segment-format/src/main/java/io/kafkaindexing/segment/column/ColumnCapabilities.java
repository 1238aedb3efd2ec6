package io.kafkaindexing.segment.column;

import java.util.Objects;

/**
 * What a column of a segment is and offers: its value type, whether its values are dictionary
 * encoded (string columns), whether it has a bitmap index per value, and whether any row holds more
 * than one value. Immutable.
 */
public record ColumnCapabilities(ValueType type, boolean dictionaryEncoded, boolean hasBitmapIndexes,
    boolean hasMultipleValues) {
  public ColumnCapabilities {
    Objects.requireNonNull(type, "type");
  }

  /** A plain numeric (or other non-dictionary) column: no dictionary, no bitmaps, single-valued. */
  public static ColumnCapabilities simple(ValueType type) {
    return new ColumnCapabilities(type, false, false, false);
  }
}
