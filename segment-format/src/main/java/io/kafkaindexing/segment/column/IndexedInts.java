package io.kafkaindexing.segment.column;

/**
 * A read-only sequence of ints: the dictionary ids of one row of a string column. Implementations
 * may be reused from row to row by the selector that returns them, so read it before advancing.
 * Not thread-safe.
 */
public interface IndexedInts {
  int size();

  /** The id at {@code index}, {@code 0 <= index < size()}. */
  int get(int index);
}
