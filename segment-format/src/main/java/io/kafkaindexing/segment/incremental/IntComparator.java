package io.kafkaindexing.segment.incremental;

/** An order of {@code int}s (row ids, dictionary ids) without boxing. */
@FunctionalInterface
interface IntComparator {
  /** Negative, zero or positive as {@code a} sorts before, with or after {@code b}. */
  int compare(int a, int b);
}
