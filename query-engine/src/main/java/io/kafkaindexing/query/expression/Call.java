package io.kafkaindexing.query.expression;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A function call, {@code name(arg, ...)}: evaluation and output type come from the function's
 * definition (see {@link Functions}), bound at parse time with any literal arguments it needed
 * (patterns, periods, time zones) already prepared. Immutable.
 */
record Call(String name, List<Expr> args, Evaluator evaluator, Typer typer) implements Expr {
  /** Computes a call's value from its argument expressions. */
  @FunctionalInterface
  interface Evaluator {
    ExprValue eval(List<Expr> args, Bindings bindings);
  }

  /** Tells a call's output type from its argument expressions (null when unknown). */
  @FunctionalInterface
  interface Typer {
    ExprType type(List<Expr> args, Function<String, ExprType> columns);

    static Typer fixed(ExprType type) {
      return (args, columns) -> type;
    }
  }

  Call {
    args = List.copyOf(args);
  }

  @Override
  public ExprValue eval(Bindings bindings) {
    return evaluator.eval(args, bindings);
  }

  @Override
  public ExprType outputType(Function<String, ExprType> columns) {
    return typer.type(args, columns);
  }

  @Override
  public void collectIdentifiers(Set<String> out) {
    args.forEach(a -> a.collectIdentifiers(out));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(name).append('(');
    for (int i = 0; i < args.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(args.get(i));
    }
    return sb.append(')').toString();
  }
}
