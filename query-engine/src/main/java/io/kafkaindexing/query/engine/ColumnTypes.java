package io.kafkaindexing.query.engine;

import io.kafkaindexing.segment.column.ColumnCapabilities;
import java.util.Locale;

/** Druid's column type names in results ({@code "LONG"}, {@code "STRING"}...). Stateless. */
public final class ColumnTypes {
  private ColumnTypes() {}

  /** The upper-case type name, or null for an unknown column. */
  public static String name(ColumnCapabilities capabilities) {
    return capabilities == null ? null : capabilities.type().name().toUpperCase(Locale.ROOT);
  }
}
