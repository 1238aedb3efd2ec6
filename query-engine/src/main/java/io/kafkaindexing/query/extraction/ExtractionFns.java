package io.kafkaindexing.query.extraction;

/** Helpers shared by extraction functions. Stateless. */
final class ExtractionFns {
  private ExtractionFns() {}

  /** A column value as a string: null stays null, numbers as {@code String.valueOf}. */
  static String str(Object value) {
    return value == null ? null : value instanceof String s ? s : String.valueOf(value);
  }
}
