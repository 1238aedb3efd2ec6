package io.kafkaindexing.query.expression;

import java.util.List;

/** Argument checks shared by the function definitions, failing with a {@link SyntaxErrors} message. Stateless. */
final class Args {
  private Args() {}

  static void count(String name, List<Expr> args, int min, int max, SyntaxErrors errors) {
    if (args.size() < min || args.size() > max) {
      String expected = min == max ? String.valueOf(min)
          : max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
      throw errors.invalid("function[" + name + "] needs " + expected + " argument" + (max == 1 ? "" : "s")
          + ", got " + args.size());
    }
  }

  /** The literal string at {@code index} (null for a null literal), or a failure naming the argument. */
  static String literalString(String name, List<Expr> args, int index, String what, SyntaxErrors errors) {
    ExprValue v = args.get(index).literalValue();
    if (v == null) {
      throw errors.invalid("function[" + name + "] needs a literal " + what + " as argument " + (index + 1)
          + ", got " + args.get(index));
    }
    return v.asString();
  }

  /** The literal long at {@code index}. */
  static long literalLong(String name, List<Expr> args, int index, String what, SyntaxErrors errors) {
    ExprValue v = args.get(index).literalValue();
    if (v == null || v.type() != ExprType.LONG || v.isNull()) {
      throw errors.invalid("function[" + name + "] needs a literal integer " + what + " as argument " + (index + 1)
          + ", got " + args.get(index));
    }
    return v.asLong();
  }
}
