package io.kafkaindexing.query.expression;

import io.kafkaindexing.core.error.DruidException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * {@code abs}, {@code floor}, {@code ceil}, {@code sqrt}, the other univariate and bivariate
 * {@code java.lang.Math} functions Druid lists, {@code round}, {@code pow},
 * {@code greatest}, {@code least} and {@code cast}. Math functions give null for a null or
 * non-numeric argument; {@code abs} and {@code round} keep a long a long, {@code floor},
 * {@code ceil} and {@code sqrt} always give doubles. Stateless.
 */
final class MathFunctions {
  private MathFunctions() {}

  static void register(Map<String, FunctionDefinition> out) {
    out.put("abs", (name, args, errors) -> {
      Args.count(name, args, 1, 1, errors);
      return new Call(name, args, (a, b) -> {
        ExprValue v = a.get(0).eval(b);
        return switch (numericKind(v)) {
          case LONG -> ExprValue.ofLong(Math.abs(v.asLong()));
          case DOUBLE -> ExprValue.ofDouble(Math.abs(v.asDouble()));
          default -> ExprValue.nullOf(v.type());
        };
      }, (a, c) -> a.get(0).outputType(c));
    });
    out.put("floor", (name, args, errors) -> doubleMath(name, args, errors, Math::floor));
    out.put("ceil", (name, args, errors) -> doubleMath(name, args, errors, Math::ceil));
    out.put("sqrt", (name, args, errors) -> doubleMath(name, args, errors, Math::sqrt));
    out.put("exp", (name, args, errors) -> doubleMath(name, args, errors, Math::exp));
    Map<String, DoubleUnaryOperator> doubles = Map.ofEntries(Map.entry("sin", Math::sin), Map.entry("cos", Math::cos),
        Map.entry("tan", Math::tan), Map.entry("asin", Math::asin), Map.entry("acos", Math::acos),
        Map.entry("atan", Math::atan), Map.entry("sinh", Math::sinh), Map.entry("cosh", Math::cosh),
        Map.entry("tanh", Math::tanh), Map.entry("cbrt", Math::cbrt), Map.entry("rint", Math::rint),
        Map.entry("expm1", Math::expm1), Map.entry("log1p", Math::log1p), Map.entry("signum", Math::signum),
        Map.entry("todegrees", Math::toDegrees), Map.entry("toradians", Math::toRadians),
        Map.entry("cot", x -> Math.cos(x) / Math.sin(x)), Map.entry("ulp", Math::ulp),
        Map.entry("nextUp", Math::nextUp));
    doubles.forEach((fn, op) -> out.put(fn, (name, args, errors) -> doubleMath(name, args, errors, op)));
    Map<String, java.util.function.DoubleBinaryOperator> doubles2 = Map.of("atan2", Math::atan2, "hypot",
        Math::hypot, "copysign", Math::copySign, "remainder", Math::IEEEremainder, "nextafter", Math::nextAfter,
        "scalb", (x, y) -> Math.scalb(x, (int) y));
    doubles2.forEach((fn, op) -> out.put(fn, (name, args, errors) -> {
      Args.count(name, args, 2, 2, errors);
      return new Call(name, args, (a, b) -> {
        ExprValue x = a.get(0).eval(b);
        ExprValue y = a.get(1).eval(b);
        // As Druid's bivariate math: null gives null, two strings null, a non-numeric string reads as 0.
        return x.isNull() || y.isNull() || (x.type() == ExprType.STRING && y.type() == ExprType.STRING)
            ? ExprValue.NULL_DOUBLE : ExprValue.ofDouble(op.applyAsDouble(x.asDouble(), y.asDouble()));
      }, Call.Typer.fixed(ExprType.DOUBLE));
    }));
    out.put("log", (name, args, errors) -> doubleMath(name, args, errors, Math::log));
    out.put("log10", (name, args, errors) -> doubleMath(name, args, errors, Math::log10));
    out.put("max", (name, args, errors) -> bivariate(name, args, errors, Math::max, Math::max));
    out.put("min", (name, args, errors) -> bivariate(name, args, errors, Math::min, Math::min));
    out.put("div", (name, args, errors) -> {
      Args.count(name, args, 2, 2, errors);
      return new Call(name, args, (a, b) -> {
        ExprValue x = a.get(0).eval(b);
        ExprValue y = a.get(1).eval(b);
        if (x.isNull() || y.isNull() || (x.type() == ExprType.STRING && y.type() == ExprType.STRING)) {
          return ExprValue.NULL_LONG;
        }
        if (y.asLong() == 0) {
          throw DruidException.invalidInput("Division by zero in function[div]");
        }
        return ExprValue.ofLong(x.asLong() / y.asLong());
      }, Call.Typer.fixed(ExprType.LONG));
    });
    out.put("safe_divide", (name, args, errors) -> {
      Args.count(name, args, 2, 2, errors);
      return new Call(name, args, (a, b) -> {
        ExprValue x = a.get(0).eval(b);
        ExprValue y = a.get(1).eval(b);
        if (x.isNumericNull() || y.isNumericNull()) {
          return ExprValue.NULL_DOUBLE;
        }
        if (x.type() == ExprType.LONG && y.type() == ExprType.LONG) {
          return y.asLong() == 0 ? ExprValue.NULL_LONG : ExprValue.ofLong(x.asLong() / y.asLong());
        }
        return y.asDouble() == 0 ? ExprValue.NULL_DOUBLE : ExprValue.ofDouble(x.asDouble() / y.asDouble());
      }, (a, c) -> ExprType.operator(a.get(0).outputType(c), a.get(1).outputType(c)));
    });
    out.put("round", (name, args, errors) -> {
      Args.count(name, args, 1, 2, errors);
      return new Call(name, args, MathFunctions::round, (a, c) -> a.get(0).outputType(c));
    });
    out.put("pow", (name, args, errors) -> {
      Args.count(name, args, 2, 2, errors);
      return new Call(name, args, (a, b) -> {
        ExprValue x = a.get(0).eval(b);
        ExprValue y = a.get(1).eval(b);
        return x.isNumericNull() || y.isNumericNull() ? ExprValue.NULL_DOUBLE
            : ExprValue.ofDouble(Math.pow(x.asDouble(), y.asDouble()));
      }, Call.Typer.fixed(ExprType.DOUBLE));
    });
    out.put("greatest", (name, args, errors) -> new Call(name, args, (a, b) -> extreme(a, b, true),
        ConditionalFunctions::commonType));
    out.put("least", (name, args, errors) -> new Call(name, args, (a, b) -> extreme(a, b, false),
        ConditionalFunctions::commonType));
    out.put("cast", (name, args, errors) -> {
      Args.count(name, args, 2, 2, errors);
      String typeName = Args.literalString(name, args, 1, "type name", errors);
      ExprType target;
      try {
        target = ExprType.fromName(typeName, "function[cast]");
      } catch (DruidException e) {
        throw errors.invalid(e.getMessage());
      }
      return new Call(name, args, (a, b) -> a.get(0).eval(b).castTo(target), Call.Typer.fixed(target));
    });
  }

  /**
   * max/min(x, y): longs stay longs, otherwise doubles (a string that is not a number counts as 0,
   * as in Druid); a null, or two strings, give null.
   */
  private static Call bivariate(String name, List<Expr> args, SyntaxErrors errors,
      java.util.function.LongBinaryOperator longs, java.util.function.DoubleBinaryOperator doubles) {
    Args.count(name, args, 2, 2, errors);
    return new Call(name, args, (a, b) -> {
      ExprValue x = a.get(0).eval(b);
      ExprValue y = a.get(1).eval(b);
      if (x.isNull() || y.isNull() || (x.type() == ExprType.STRING && y.type() == ExprType.STRING)) {
        return ExprValue.NULL_DOUBLE;
      }
      if (x.type() == ExprType.LONG && y.type() == ExprType.LONG) {
        return ExprValue.ofLong(longs.applyAsLong(x.asLong(), y.asLong()));
      }
      // As Druid: a string that is not a number reads as 0 here.
      return ExprValue.ofDouble(doubles.applyAsDouble(x.asDouble(), y.asDouble()));
    }, (a, c) -> ExprType.common(a.get(0).outputType(c), a.get(1).outputType(c)));
  }

  /** LONG or DOUBLE for a non-null number, STRING (meaning: no number) otherwise, as Druid's univariate math does. */
  private static ExprType numericKind(ExprValue v) {
    return v.isNull() ? ExprType.STRING : v.type();
  }

  private static Call doubleMath(String name, List<Expr> args, SyntaxErrors errors, DoubleUnaryOperator fn) {
    Args.count(name, args, 1, 1, errors);
    return new Call(name, args, (a, b) -> {
      ExprValue v = a.get(0).eval(b);
      return numericKind(v) == ExprType.STRING ? ExprValue.NULL_DOUBLE
          : ExprValue.ofDouble(fn.applyAsDouble(v.asDouble()));
    }, Call.Typer.fixed(ExprType.DOUBLE));
  }

  /**
   * round(x, [scale]): half-up to {@code scale} decimal places (default 0; negative rounds left of
   * the point). NaN rounds to 0, infinities to the largest finite doubles.
   */
  private static ExprValue round(List<Expr> args, Bindings b) {
    ExprValue x = args.get(0).eval(b);
    int scale = 0;
    if (args.size() == 2) {
      ExprValue s = args.get(1).eval(b);
      if (s.type() != ExprType.LONG) {
        throw DruidException.invalidInput("Function[round] needs a LONG as its second argument, got %s", s);
      }
      scale = (int) s.asLong();
    }
    if (x.isNumericNull()) {
      return ExprValue.nullOf(x.type() == ExprType.STRING ? ExprType.DOUBLE : x.type());
    }
    if (x.type() == ExprType.LONG) {
      return scale >= 0 ? x
          : ExprValue.ofLong(BigDecimal.valueOf(x.asLong()).setScale(scale, RoundingMode.HALF_UP).longValue());
    }
    if (x.type() == ExprType.DOUBLE) {
      double d = x.asDouble();
      if (Double.isNaN(d)) {
        return ExprValue.ofDouble(0d);
      }
      if (Double.isInfinite(d)) {
        return ExprValue.ofDouble(d > 0 ? Double.MAX_VALUE : -Double.MAX_VALUE);
      }
      return ExprValue.ofDouble(BigDecimal.valueOf(d).setScale(scale, RoundingMode.HALF_UP).doubleValue());
    }
    throw DruidException.invalidInput("Function[round] needs a LONG or DOUBLE as its first argument, got STRING");
  }

  /**
   * greatest/least: nulls are ignored (all null gives null); any string makes the comparison
   * lexicographic, all longs compare as longs, otherwise as doubles.
   */
  private static ExprValue extreme(List<Expr> args, Bindings b, boolean greatest) {
    ExprValue[] values = new ExprValue[args.size()];
    ExprType type = null;
    for (int i = 0; i < values.length; i++) {
      values[i] = args.get(i).eval(b);
      if (!values[i].isNull()) {
        type = ExprType.common(type, values[i].type());
      }
    }
    if (type == null) {
      return ExprValue.NULL_STRING;
    }
    ExprValue best = null;
    for (ExprValue v : values) {
      if (v.isNull()) {
        continue;
      }
      ExprValue c = v.castTo(type);
      if (c.isNull()) {
        continue;
      }
      if (best == null || compare(type, c, best) * (greatest ? 1 : -1) > 0) {
        best = c;
      }
    }
    return best == null ? ExprValue.nullOf(type) : best;
  }

  private static int compare(ExprType type, ExprValue a, ExprValue b) {
    return switch (type) {
      case STRING -> a.asString().compareTo(b.asString());
      case LONG -> Long.compare(a.asLong(), b.asLong());
      case DOUBLE -> Double.compare(a.asDouble(), b.asDouble());
    };
  }
}
