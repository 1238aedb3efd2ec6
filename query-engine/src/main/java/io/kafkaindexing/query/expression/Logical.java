package io.kafkaindexing.query.expression;

import java.util.Set;
import java.util.function.Function;

/**
 * {@code &&} and {@code ||} with SQL's three-valued logic, as Druid evaluates them: a null operand
 * is unknown; {@code false && null} is 0, {@code true && null} null; {@code true || null} is 1,
 * {@code false || null} null. The right side is not evaluated when the left decides. Results are
 * LONG 1, 0 or null. Immutable.
 */
record Logical(boolean and, Expr left, Expr right) implements Expr {
  @Override
  public ExprValue eval(Bindings bindings) {
    ExprValue l = left.eval(bindings);
    if (!l.isNull() && l.asBoolean() != and) {
      return ExprValue.ofBoolean(!and);
    }
    ExprValue r = right.eval(bindings);
    if (!r.isNull() && r.asBoolean() != and) {
      return ExprValue.ofBoolean(!and);
    }
    if (l.isNull() || r.isNull()) {
      return ExprValue.NULL_LONG;
    }
    return ExprValue.ofBoolean(and);
  }

  @Override
  public ExprType outputType(Function<String, ExprType> columns) {
    return ExprType.LONG;
  }

  @Override
  public void collectIdentifiers(Set<String> out) {
    left.collectIdentifiers(out);
    right.collectIdentifiers(out);
  }

  @Override
  public String toString() {
    return "(" + left + (and ? " && " : " || ") + right + ")";
  }
}
