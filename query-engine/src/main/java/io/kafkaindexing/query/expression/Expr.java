package io.kafkaindexing.query.expression;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * A parsed expression of Druid's expression language (see {@link Parser}). Evaluates against the
 * values a {@link Bindings} gives for its identifiers. Implementations are immutable and
 * thread-safe.
 */
public interface Expr {
  /** The value for the given identifier values. */
  ExprValue eval(Bindings bindings);

  /**
   * The type the expression produces given the types of its identifiers ({@code columns} gives
   * null for an unknown identifier); null when it cannot be told before evaluating.
   */
  ExprType outputType(Function<String, ExprType> columns);

  /** Adds the identifiers (column names) the expression reads to {@code out}. */
  void collectIdentifiers(Set<String> out);

  /** The identifiers the expression reads, in order of appearance. */
  default Set<String> identifiers() {
    Set<String> out = new LinkedHashSet<>();
    collectIdentifiers(out);
    return out;
  }

  /** The literal value when the expression is a literal, else null. */
  default ExprValue literalValue() {
    return null;
  }
}
