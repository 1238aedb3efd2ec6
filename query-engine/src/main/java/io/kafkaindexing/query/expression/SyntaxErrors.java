package io.kafkaindexing.query.expression;

import io.kafkaindexing.core.error.DruidException;

/**
 * Makes the error for a syntax or validation problem in an expression: names the expression, where
 * it came from (e.g. {@code field[expression] of virtual column[v]}) and the 0-based character
 * position; a long expression is shown cut at 200 characters. Immutable.
 */
final class SyntaxErrors {
  private final String expression;
  private final String where;

  private static final int MAX_SHOWN = 200;

  SyntaxErrors(String expression, String where) {
    this.expression = expression != null && expression.length() > MAX_SHOWN
        ? expression.substring(0, MAX_SHOWN) + "..." : expression;
    this.where = where;
  }

  DruidException at(int position, String problem) {
    return DruidException.invalidInput("Invalid expression[%s]%s: %s at position %d", expression, suffix(), problem,
        position);
  }

  DruidException invalid(String problem) {
    return DruidException.invalidInput("Invalid expression[%s]%s: %s", expression, suffix(), problem);
  }

  private String suffix() {
    return where == null || where.isEmpty() ? "" : " in " + where;
  }
}
