package io.kafkaindexing.query.expression;

import io.kafkaindexing.core.error.DruidException;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code -x} (numbers only) and {@code !x} (1 when x is not true, 0 when it is). A null operand
 * gives null. Immutable.
 */
record Unary(char op, Expr operand) implements Expr {
  @Override
  public ExprValue eval(Bindings bindings) {
    ExprValue v = operand.eval(bindings);
    if (op == '!') {
      return v.isNull() ? ExprValue.NULL_LONG : ExprValue.ofBoolean(!v.asBoolean());
    }
    if (v.isNull()) {
      return ExprValue.nullOf(v.type());
    }
    return switch (v.type()) {
      case LONG -> ExprValue.ofLong(-v.asLong());
      case DOUBLE -> ExprValue.ofDouble(-v.asDouble());
      case STRING -> throw DruidException.invalidInput("Operator[-] is not supported on type STRING in "
          + "expression[%s]", this);
    };
  }

  @Override
  public ExprType outputType(Function<String, ExprType> columns) {
    return op == '!' ? ExprType.LONG : operand.outputType(columns);
  }

  @Override
  public void collectIdentifiers(Set<String> out) {
    operand.collectIdentifiers(out);
  }

  @Override
  public String toString() {
    return op + String.valueOf(operand);
  }
}
