package io.kafkaindexing.query.expression;

import io.kafkaindexing.core.error.DruidException;
import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser of Druid's expression language. Operators, from the loosest binding to
 * the tightest (all binary ones left-associative except {@code ^}):
 * <ol>
 *   <li>{@code &&} {@code ||} (one level, as in Druid's grammar)</li>
 *   <li>{@code <} {@code <=} {@code >} {@code >=} {@code ==} {@code !=}</li>
 *   <li>{@code +} {@code -}</li>
 *   <li>{@code *} {@code /} {@code %}</li>
 *   <li>{@code ^} (right-associative)</li>
 *   <li>unary {@code -} and {@code !} (so {@code -2^2} is {@code (-2)^2})</li>
 * </ol>
 * Operands are numbers, 'string' literals, {@code null}, identifiers, "quoted identifiers",
 * function calls {@code name(args)} and parenthesised expressions. Errors are
 * {@link DruidException#invalidInput} naming the expression, where it came from and the position.
 * Not thread-safe; use {@link #parse}.
 */
public final class Parser {
  /** How deeply parentheses, calls and unary operators may nest (the parser recurses on them). */
  static final int MAX_DEPTH = 256;

  private final List<Token> tokens;
  private final SyntaxErrors errors;
  private int next;
  private int depth;

  private Parser(List<Token> tokens, SyntaxErrors errors) {
    this.tokens = tokens;
    this.errors = errors;
  }

  /**
   * Parses {@code expression}; {@code where} names its origin in error messages (e.g.
   * {@code field[expression] of virtual column[v]}), or is null.
   */
  public static Expr parse(String expression, String where) {
    SyntaxErrors errors = new SyntaxErrors(expression, where);
    if (expression == null || expression.isBlank()) {
      throw errors.invalid("the expression is empty");
    }
    Parser p = new Parser(new Lexer(expression, errors).tokens(), errors);
    Expr e = p.logical();
    Token t = p.peek();
    if (t.kind() != Token.Kind.END) {
      throw errors.at(t.position(), "unexpected " + t.describe() + " after a complete expression");
    }
    return e;
  }

  private Token peek() {
    return tokens.get(next);
  }

  private boolean acceptOperator(String... ops) {
    for (String op : ops) {
      if (peek().is(Token.Kind.OPERATOR, op)) {
        next++;
        return true;
      }
    }
    return false;
  }

  private Expr logical() {
    enter();
    Expr left = comparison();
    while (true) {
      Token t = peek();
      if (acceptOperator("&&", "||")) {
        left = new Logical("&&".equals(t.text()), left, comparison());
      } else {
        depth--;
        return left;
      }
    }
  }

  private Expr comparison() {
    Expr left = additive();
    while (true) {
      Token t = peek();
      if (acceptOperator("<", "<=", ">", ">=", "==", "!=")) {
        left = new BinaryOp(t.text(), left, additive());
      } else {
        return left;
      }
    }
  }

  private Expr additive() {
    Expr left = multiplicative();
    while (true) {
      Token t = peek();
      if (acceptOperator("+", "-")) {
        left = new BinaryOp(t.text(), left, multiplicative());
      } else {
        return left;
      }
    }
  }

  private Expr multiplicative() {
    Expr left = power();
    while (true) {
      Token t = peek();
      if (acceptOperator("*", "/", "%")) {
        left = new BinaryOp(t.text(), left, power());
      } else {
        return left;
      }
    }
  }

  private Expr power() {
    Expr base = unary();
    if (acceptOperator("^")) {
      enter();
      Expr exponent = power();
      depth--;
      return new BinaryOp("^", base, exponent);
    }
    return base;
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw errors.at(peek().position(), "the expression nests deeper than " + MAX_DEPTH + " levels");
    }
  }

  private Expr unary() {
    Token t = peek();
    if (acceptOperator("-")) {
      // Long.MIN_VALUE is written -9223372036854775808: the literal alone overflows, its negation does not.
      if (peek().is(Token.Kind.LONG, "9223372036854775808")) {
        next++;
        return new Literal(ExprValue.ofLong(Long.MIN_VALUE));
      }
      enter();
      Expr operand = unary();
      depth--;
      ExprValue lit = operand.literalValue();
      if (lit != null && !lit.isNull() && lit.type() != ExprType.STRING) {
        return new Literal(lit.type() == ExprType.LONG ? ExprValue.ofLong(-lit.asLong())
            : ExprValue.ofDouble(-lit.asDouble()));
      }
      return new Unary('-', operand);
    }
    if (acceptOperator("!")) {
      enter();
      Expr operand = unary();
      depth--;
      return new Unary('!', operand);
    }
    return primary();
  }

  private Expr primary() {
    Token t = tokens.get(next++);
    switch (t.kind()) {
      case LONG:
        return longLiteral(t);
      case DOUBLE:
        return new Literal(ExprValue.ofDouble(Double.parseDouble(t.text())));
      case STRING:
        return new Literal(ExprValue.ofString(t.text()));
      case QUOTED_IDENTIFIER:
        return new Identifier(t.text());
      case IDENTIFIER:
        return identifierOrCall(t);
      case LEFT_PAREN: {
        Expr inner = logical();
        expect(Token.Kind.RIGHT_PAREN, "')' to close the '(' at position " + t.position());
        return inner;
      }
      default:
        throw errors.at(t.position(), "expected an operand but found " + t.describe());
    }
  }

  private Expr longLiteral(Token t) {
    try {
      return new Literal(ExprValue.ofLong(Long.parseLong(t.text())));
    } catch (NumberFormatException e) {
      throw errors.at(t.position(), "long literal " + t.text() + " is out of range");
    }
  }

  private Expr identifierOrCall(Token t) {
    String name = t.text();
    if (!peek().is(Token.Kind.LEFT_PAREN, "(")) {
      return switch (name) {
        case "null" -> new Literal(ExprValue.NULL_STRING);
        case "NaN" -> new Literal(ExprValue.ofDouble(Double.NaN));
        case "Infinity" -> new Literal(ExprValue.ofDouble(Double.POSITIVE_INFINITY));
        default -> new Identifier(name);
      };
    }
    next++;
    List<Expr> args = new ArrayList<>();
    if (peek().kind() != Token.Kind.RIGHT_PAREN) {
      do {
        args.add(logical());
      } while (peek().kind() == Token.Kind.COMMA && next++ >= 0);
    }
    expect(Token.Kind.RIGHT_PAREN, "',' or ')' in the arguments of function[" + name + "]");
    FunctionDefinition fn = Functions.get(name);
    if (fn == null) {
      throw errors.at(t.position(), "unknown function[" + name + "]");
    }
    return fn.bind(name, args, errors);
  }

  private void expect(Token.Kind kind, String what) {
    Token t = peek();
    if (t.kind() != kind) {
      throw errors.at(t.position(), "expected " + what + " but found " + t.describe());
    }
    next++;
  }
}
