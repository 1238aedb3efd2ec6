package io.kafkaindexing.query.filter;

/** Tests the current row of a cursor against a filter. Not thread-safe. */
public interface ValueMatcher {
  /** True when the row matches, or when the result is unknown (null involved) and {@code includeUnknown}. */
  boolean matches(boolean includeUnknown);
}
