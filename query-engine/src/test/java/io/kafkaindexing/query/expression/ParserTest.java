package io.kafkaindexing.query.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.core.error.DruidException;
import org.junit.jupiter.api.Test;

/** Syntax errors name the expression, where it came from and the position; unknown functions are named. */
class ParserTest {
  private static String error(String expression) {
    DruidException e = assertThrows(DruidException.class, () -> Parser.parse(expression, "field[expression]"));
    assertEquals(400, e.httpStatus());
    String shown = expression.length() > 200 ? expression.substring(0, 200) + "..." : expression;
    assertTrue(e.getMessage().startsWith("Invalid expression[" + shown + "] in field[expression]: "),
        e.getMessage());
    return e.getMessage();
  }

  @Test
  void positionsOfSyntaxErrors() {
    assertTrue(error("1 +").endsWith("expected an operand but found the end of the expression at position 3"),
        error("1 +"));
    assertTrue(error("(1 + 2").endsWith("expected ')' to close the '(' at position 0 but found the end of the "
        + "expression at position 6"), error("(1 + 2"));
    assertTrue(error("1 2").endsWith("unexpected '2' after a complete expression at position 2"), error("1 2"));
    assertTrue(error("x = 1").contains("unexpected character '=' (did you mean '=='?) at position 2"));
    assertTrue(error("x & y").contains("(did you mean '&&'?) at position 2"));
    assertTrue(error("'abc").endsWith("unterminated string literal at position 0"));
    assertTrue(error("\"abc").endsWith("unterminated quoted identifier at position 0"));
    assertTrue(error("concat(a,,b)").endsWith("expected an operand but found ',' at position 9"));
    assertTrue(error("concat(a b)").contains("expected ',' or ')' in the arguments of function[concat] but found 'b' "
        + "at position 9"), error("concat(a b)"));
    assertTrue(error("1 # 2").endsWith("unexpected character '#' at position 2"));
    assertTrue(error("12abc").contains("after number 12 at position 2"));
    assertTrue(error("99999999999999999999").contains("out of range at position 0"));
    assertTrue(error("[1, 2]").contains("array literals are not supported"));
    assertTrue(error("   ").endsWith("the expression is empty"));
  }

  @Test
  void unknownFunctionsAndBadArgumentsAreNamed() {
    assertTrue(error("x + nope(1)").endsWith("unknown function[nope] at position 4"), error("x + nope(1)"));
    assertTrue(error("if(1, 2)").endsWith("function[if] needs 3 arguments, got 2"));
    assertTrue(error("strlen()").endsWith("function[strlen] needs 1 argument, got 0"));
    assertTrue(error("regexp_like(x, y)").contains("function[regexp_like] needs a literal pattern as argument 2"));
    assertTrue(error("regexp_extract(x, '(')").contains("invalid regular expression[(]"));
    assertTrue(error("regexp_extract(x, 'a', 1)").contains("group index 1 is out of range"));
    assertTrue(error("cast(x, 'BOOLEAN')").contains("Unknown type[BOOLEAN]"));
    assertTrue(error("timestamp_floor(x, 'P1X')").contains("invalid period[P1X]"));
    assertTrue(error("timestamp_floor(x, 'P1D', null, 'Mars/Olympus')").contains("unknown time zone[Mars/Olympus]"));
    assertTrue(error("timestamp_extract(x, 'FORTNIGHT')").contains("unknown unit[FORTNIGHT]"));
    assertTrue(error("like(x, 'a', 'ab')").contains("escape must be a single character"));
  }

  @Test
  void deepNestingIsRefusedRatherThanOverflowingTheStack() {
    String deep = "(".repeat(5000) + "1" + ")".repeat(5000);
    assertTrue(error(deep).contains("the expression nests deeper than 256 levels"));
    assertTrue(error("-".repeat(5000) + "1").contains("nests deeper"));
    assertTrue(error("2" + "^2".repeat(5000)).contains("nests deeper"));
    String fine = "(".repeat(200) + "1" + ")".repeat(200);
    assertEquals(1L, Parser.parse(fine, null).eval(Bindings.EMPTY).value());
    assertEquals(-1L, Parser.parse("-".repeat(201) + "1", null).eval(Bindings.EMPTY).value());
  }

  @Test
  void printsBackParenthesised() {
    assertEquals("((1 + (2 * 3)) > \"x\")", Parser.parse("1 + 2 * 3 > x", null).toString());
    assertEquals("if((\"a b\" == 'it\\'s'), 1, null)", Parser.parse("if(\"a b\" == 'it\\'s', 1, null)", null)
        .toString());
  }
}
