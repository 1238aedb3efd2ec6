package io.kafkaindexing.query.expression;

import java.util.Set;
import java.util.function.Function;

/** A constant: a long, double, string or {@code null}. Immutable. */
record Literal(ExprValue value) implements Expr {
  @Override
  public ExprValue eval(Bindings bindings) {
    return value;
  }

  @Override
  public ExprType outputType(Function<String, ExprType> columns) {
    return value.isNull() ? null : value.type();
  }

  @Override
  public void collectIdentifiers(Set<String> out) {
  }

  @Override
  public ExprValue literalValue() {
    return value;
  }

  @Override
  public String toString() {
    if (value.isNull()) {
      return "null";
    }
    return value.type() == ExprType.STRING ? "'" + value.asString().replace("'", "\\'") + "'" : value.asString();
  }
}
