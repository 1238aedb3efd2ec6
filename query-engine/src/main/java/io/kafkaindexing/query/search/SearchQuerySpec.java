package io.kafkaindexing.query.search;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The {@code query} of a search query: which dimension values are hits. Types
 * ({@code contains}, {@code insensitive_contains}, {@code fragment}, {@code regex}, {@code all}) are
 * registered by name in the query Jackson module. Implementations are immutable and thread-safe.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public abstract class SearchQuerySpec {
  /** True when {@code value} (null for a null or missing value) is a hit. */
  public abstract boolean accept(String value);

  /** {@code haystack} contains {@code needle}, comparing characters case-insensitively as Druid does. */
  static boolean containsIgnoreCase(String haystack, String needle) {
    int n = needle.length();
    for (int i = 0; i + n <= haystack.length(); i++) {
      if (haystack.regionMatches(true, i, needle, 0, n)) {
        return true;
      }
    }
    return false;
  }
}
