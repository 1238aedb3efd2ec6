package io.kafkaindexing.query.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code if}, {@code case_searched}, {@code case_simple}, {@code nvl}, {@code coalesce},
 * {@code isnull} and {@code notnull}. A condition holds when its value is true (a number above 0
 * or the string {@code true}); null does not hold. Stateless.
 */
final class ConditionalFunctions {
  private ConditionalFunctions() {}

  static void register(Map<String, FunctionDefinition> out) {
    out.put("if", (name, args, errors) -> {
      Args.count(name, args, 3, 3, errors);
      return new Call(name, args, (a, b) -> a.get(0).eval(b).asBoolean() ? a.get(1).eval(b) : a.get(2).eval(b),
          (a, c) -> commonType(List.of(a.get(1), a.get(2)), c));
    });
    out.put("case_searched", (name, args, errors) -> {
      Args.count(name, args, 2, Integer.MAX_VALUE, errors);
      return new Call(name, args, ConditionalFunctions::caseSearched, (a, c) -> commonType(results(a, 1), c));
    });
    out.put("case_simple", ConditionalFunctions::caseSimple);
    out.put("nvl", (name, args, errors) -> {
      Args.count(name, args, 2, 2, errors);
      return new Call(name, args, ConditionalFunctions::coalesce, ConditionalFunctions::commonType);
    });
    out.put("coalesce", (name, args, errors) -> {
      Args.count(name, args, 1, Integer.MAX_VALUE, errors);
      return new Call(name, args, ConditionalFunctions::coalesce, ConditionalFunctions::commonType);
    });
    out.put("isnull", (name, args, errors) -> {
      Args.count(name, args, 1, 1, errors);
      return new Call(name, args, (a, b) -> ExprValue.ofBoolean(a.get(0).eval(b).isNull()),
          Call.Typer.fixed(ExprType.LONG));
    });
    out.put("notnull", (name, args, errors) -> {
      Args.count(name, args, 1, 1, errors);
      return new Call(name, args, (a, b) -> ExprValue.ofBoolean(!a.get(0).eval(b).isNull()),
          Call.Typer.fixed(ExprType.LONG));
    });
  }

  /** case_searched(when1, then1, [when2, then2, ...], [else]). */
  private static ExprValue caseSearched(List<Expr> args, Bindings b) {
    int i = 0;
    for (; i + 1 < args.size(); i += 2) {
      if (args.get(i).eval(b).asBoolean()) {
        return args.get(i + 1).eval(b);
      }
    }
    return i < args.size() ? args.get(i).eval(b) : ExprValue.NULL_STRING;
  }

  /** case_simple(value, match1, then1, [match2, then2, ...], [else]); matches compare as {@code ==} does. */
  private static Call caseSimple(String name, List<Expr> args, SyntaxErrors errors) {
    Args.count(name, args, 3, Integer.MAX_VALUE, errors);
    List<Expr> tests = new ArrayList<>();
    for (int i = 1; i + 1 < args.size(); i += 2) {
      tests.add(new BinaryOp("==", args.get(0), args.get(i)));
    }
    return new Call(name, args, (a, b) -> {
      for (int t = 0; t < tests.size(); t++) {
        if (tests.get(t).eval(b).asBoolean()) {
          return a.get(2 + 2 * t).eval(b);
        }
      }
      return a.size() % 2 == 0 ? a.get(a.size() - 1).eval(b) : ExprValue.NULL_STRING;
    }, (a, c) -> commonType(results(a.subList(1, a.size()), 1), c));
  }

  private static ExprValue coalesce(List<Expr> args, Bindings b) {
    ExprValue last = ExprValue.NULL_STRING;
    for (Expr arg : args) {
      last = arg.eval(b);
      if (!last.isNull()) {
        return last;
      }
    }
    return last;
  }

  /** The result arguments of a when/then list starting at {@code first}, plus the else if present. */
  private static List<Expr> results(List<Expr> args, int first) {
    List<Expr> out = new ArrayList<>();
    for (int i = first; i < args.size(); i += 2) {
      out.add(args.get(i));
    }
    if (args.size() % 2 == 1) {
      out.add(args.get(args.size() - 1));
    }
    return out;
  }

  static ExprType commonType(List<Expr> args, Function<String, ExprType> columns) {
    ExprType t = null;
    for (Expr a : args) {
      t = ExprType.common(t, a.outputType(columns));
    }
    return t;
  }
}
