package io.kafkaindexing.query.expression;

import io.kafkaindexing.core.error.DruidException;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The arithmetic ({@code + - * / % ^}) and comparison ({@code < <= > >= == !=}) operators, typed
 * as Druid types them: two strings stay strings ({@code +} concatenates, comparisons compare
 * lexicographically), two longs stay longs (integer division; dividing by 0 is an error), anything
 * else is computed as doubles (a string that is not a number is then null). Any null operand gives
 * null. Comparisons give LONG 1 or 0. Immutable.
 */
record BinaryOp(String op, Expr left, Expr right) implements Expr {
  static boolean isComparison(String op) {
    return switch (op) {
      case "<", "<=", ">", ">=", "==", "!=" -> true;
      default -> false;
    };
  }

  @Override
  public ExprValue eval(Bindings bindings) {
    ExprValue l = left.eval(bindings);
    ExprValue r = right.eval(bindings);
    boolean comparison = isComparison(op);
    if (l.isNull() || r.isNull()) {
      return comparison ? ExprValue.NULL_LONG : ExprValue.nullOf(ExprType.operator(l.type(), r.type()));
    }
    ExprType type = l.type() == ExprType.STRING && r.type() == ExprType.STRING ? ExprType.STRING
        : l.type() == ExprType.LONG && r.type() == ExprType.LONG ? ExprType.LONG : ExprType.DOUBLE;
    if (type == ExprType.DOUBLE && (l.isNumericNull() || r.isNumericNull())) {
      return comparison ? ExprValue.NULL_LONG : ExprValue.NULL_DOUBLE;
    }
    if (comparison) {
      return ExprValue.ofBoolean(compare(type, l, r));
    }
    return switch (type) {
      case STRING -> {
        if (!"+".equals(op)) {
          throw DruidException.invalidInput("Operator[%s] is not supported on type STRING in expression[%s]", op, this);
        }
        yield ExprValue.ofString(l.asString() + r.asString());
      }
      case LONG -> ExprValue.ofLong(longMath(l.asLong(), r.asLong()));
      case DOUBLE -> ExprValue.ofDouble(doubleMath(l.asDouble(), r.asDouble()));
    };
  }

  private boolean compare(ExprType type, ExprValue l, ExprValue r) {
    int c;
    if (type == ExprType.STRING) {
      if ("==".equals(op) || "!=".equals(op)) {
        return Objects.equals(l.asString(), r.asString()) == "==".equals(op);
      }
      c = l.asString().compareTo(r.asString());
    } else if (type == ExprType.LONG) {
      c = Long.compare(l.asLong(), r.asLong());
    } else {
      double a = l.asDouble();
      double b = r.asDouble();
      if ("==".equals(op)) {
        return a == b;
      }
      if ("!=".equals(op)) {
        return a != b;
      }
      c = Double.compare(a, b);
    }
    return switch (op) {
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      case ">=" -> c >= 0;
      case "==" -> c == 0;
      default -> c != 0;
    };
  }

  private long longMath(long a, long b) {
    return switch (op) {
      case "+" -> a + b;
      case "-" -> a - b;
      case "*" -> a * b;
      case "/" -> {
        checkDivisor(b);
        yield a / b;
      }
      case "%" -> {
        checkDivisor(b);
        yield a % b;
      }
      default -> longPow(a, b);
    };
  }

  private void checkDivisor(long b) {
    if (b == 0) {
      throw DruidException.invalidInput("Division by zero in expression[%s]", this);
    }
  }

  private long longPow(long base, long exponent) {
    if (exponent < 0 || exponent > Integer.MAX_VALUE) {
      throw DruidException.invalidInput("Exponent[%d] of long power must be between 0 and %d in expression[%s]",
          exponent, Integer.MAX_VALUE, this);
    }
    long result = 1;
    long b = base;
    long e = exponent;
    while (e > 0) {
      if ((e & 1) == 1) {
        result *= b;
      }
      b *= b;
      e >>= 1;
    }
    return result;
  }

  private double doubleMath(double a, double b) {
    return switch (op) {
      case "+" -> a + b;
      case "-" -> a - b;
      case "*" -> a * b;
      case "/" -> a / b;
      case "%" -> a % b;
      default -> Math.pow(a, b);
    };
  }

  @Override
  public ExprType outputType(Function<String, ExprType> columns) {
    if (isComparison(op)) {
      return ExprType.LONG;
    }
    ExprType t = ExprType.operator(left.outputType(columns), right.outputType(columns));
    return t == ExprType.STRING && !"+".equals(op) ? ExprType.DOUBLE : t;
  }

  @Override
  public void collectIdentifiers(Set<String> out) {
    left.collectIdentifiers(out);
    right.collectIdentifiers(out);
  }

  @Override
  public String toString() {
    return "(" + left + " " + op + " " + right + ")";
  }
}
