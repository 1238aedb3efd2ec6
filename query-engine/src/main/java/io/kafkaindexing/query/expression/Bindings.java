package io.kafkaindexing.query.expression;

import java.util.Map;

/**
 * Gives an expression the value of each identifier it reads: a raw value (String, Number,
 * Boolean, List, or null for a missing column). Not necessarily thread-safe: a row binding changes
 * as its cursor moves.
 */
@FunctionalInterface
public interface Bindings {
  Bindings EMPTY = name -> null;

  Object get(String name);

  /** Bindings over a map (missing keys are null). */
  static Bindings of(Map<String, ?> values) {
    return values::get;
  }
}
