package io.kafkaindexing.query.expression;

import java.util.List;

/**
 * One named function of the expression language: checks its arguments when an expression is
 * parsed (count, required literals) and returns the bound {@link Call}. Immutable.
 */
@FunctionalInterface
interface FunctionDefinition {
  Call bind(String name, List<Expr> args, SyntaxErrors errors);
}
