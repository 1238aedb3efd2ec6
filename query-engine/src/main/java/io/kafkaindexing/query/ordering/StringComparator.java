package io.kafkaindexing.query.ordering;

import java.util.Comparator;

/**
 * An ordering of string values (nulls allowed) with the name Druid gives it in JSON
 * ({@code lexicographic}, {@code alphanumeric}, {@code numeric}, {@code strlen}, {@code version}).
 * Implementations are stateless and thread-safe; obtain them from {@link StringComparators}.
 */
public interface StringComparator extends Comparator<String> {
  /** The JSON name. */
  String name();
}
