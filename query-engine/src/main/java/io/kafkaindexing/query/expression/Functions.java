package io.kafkaindexing.query.expression;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The built-in functions by name (names are case-sensitive, as in Druid). Immutable. */
final class Functions {
  private static final Map<String, FunctionDefinition> BY_NAME;

  static {
    Map<String, FunctionDefinition> m = new TreeMap<>();
    ConditionalFunctions.register(m);
    StringFunctions.register(m);
    MoreStringFunctions.register(m);
    MathFunctions.register(m);
    TimeFunctions.register(m);
    BY_NAME = Collections.unmodifiableMap(m);
  }

  private Functions() {}

  /** The definition of {@code name}, or null when there is no such function. */
  static FunctionDefinition get(String name) {
    return BY_NAME.get(name);
  }

  static java.util.Set<String> names() {
    return BY_NAME.keySet();
  }
}
