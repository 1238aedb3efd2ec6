package io.kafkaindexing.query.expression;

import java.util.Set;
import java.util.function.Function;

/** A column (or other binding) read by name. Immutable. */
record Identifier(String name) implements Expr {
  @Override
  public ExprValue eval(Bindings bindings) {
    return ExprValue.bestEffortOf(bindings.get(name));
  }

  @Override
  public ExprType outputType(Function<String, ExprType> columns) {
    return columns.apply(name);
  }

  @Override
  public void collectIdentifiers(Set<String> out) {
    out.add(name);
  }

  @Override
  public String toString() {
    return "\"" + name.replace("\"", "\\\"") + "\"";
  }
}
