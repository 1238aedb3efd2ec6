package io.kafkaindexing.query.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.core.error.DruidException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Evaluation of Druid's expression language; expected values worked out by hand from Druid's documentation. */
class ExpressionEvalTest {
  private static final Map<String, Object> ROW = new HashMap<>();

  static {
    ROW.put("x", 5L);
    ROW.put("y", 2L);
    ROW.put("d", 2.5);
    ROW.put("f", 1.5f);
    ROW.put("s", "abc");
    ROW.put("n", null);
    ROW.put("num", "42");
    ROW.put("t", 946_782_245_006L); // 2000-01-02T03:04:05.006Z
    ROW.put("weird name", 7L);
    ROW.put("b", true);
    ROW.put("mv1", List.of("only"));
    ROW.put("mv", List.of("a", "b"));
  }

  private static Object eval(String expression) {
    return Parser.parse(expression, null).eval(Bindings.of(ROW)).value();
  }

  private static ExprValue value(String expression) {
    return Parser.parse(expression, null).eval(Bindings.of(ROW));
  }

  private static DruidException fails(String expression) {
    return assertThrows(DruidException.class, () -> eval(expression));
  }

  @Test
  void literals() {
    assertEquals(1L, eval("1"));
    assertEquals(1.0, eval("1.0"));
    assertEquals(1.0, eval("1."));
    assertEquals(1500.0, eval("1.5e3"));
    assertEquals("it's", eval("'it\\'s'"));
    assertEquals("é\n", eval("'\\u00e9\\n'"));
    assertNull(eval("null"));
    assertEquals(-3L, eval("-3"));
    assertEquals(Long.MIN_VALUE, eval("-9223372036854775808"));
    assertTrue(Double.isNaN((Double) eval("NaN")));
    assertEquals(Double.NEGATIVE_INFINITY, eval("-Infinity"));
  }

  @Test
  void identifiers() {
    assertEquals(5L, eval("x"));
    assertEquals(7L, eval("\"weird name\""));
    assertEquals(1.5, eval("f"));
    assertEquals(1L, eval("b"), "booleans read as LONG 1/0");
    assertEquals("only", eval("mv1"));
    assertNull(eval("mv"), "multi-value rows are not supported as scalars");
    assertNull(eval("missing"));
    assertEquals(ExprType.LONG, value("x").type());
    assertEquals(ExprType.DOUBLE, value("d").type());
  }

  @Test
  void arithmeticKeepsLongsLong() {
    assertEquals(7L, eval("x + y"));
    assertEquals(3L, eval("x - y"));
    assertEquals(10L, eval("x * y"));
    assertEquals(2L, eval("x / y"), "long division truncates");
    assertEquals(-2L, eval("-5 / 2"));
    assertEquals(1L, eval("x % y"));
    assertEquals(25L, eval("x ^ y"));
    assertEquals(7.5, eval("x + d"));
    assertEquals(2.0, eval("x / d"));
    assertEquals(0.5, eval("d % 1"));
    assertEquals(Double.POSITIVE_INFINITY, eval("1.0 / 0"));
    assertEquals(0.25, eval("2.0 ^ -2"));
    assertEquals(47.0, eval("x + num"), "a numeric string makes the math double");
  }

  @Test
  void precedence() {
    assertEquals(7L, eval("1 + 2 * 3"));
    assertEquals(9L, eval("(1 + 2) * 3"));
    assertEquals(512L, eval("2 ^ 3 ^ 2"), "^ is right-associative");
    assertEquals(4L, eval("-2 ^ 2"), "unary minus binds tighter than ^");
    assertEquals(-4L, eval("0 - 2 ^ 2"));
    assertEquals(1L, eval("10 - 4 - 5"), "left-associative");
    assertEquals(5L, eval("20 / 2 / 2"));
    assertEquals(1L, eval("1 + 1 == 2"));
    assertEquals(1L, eval("1 < 2 && 3 > 2"));
  }

  @Test
  void andOrShareAPrecedenceLevelLeftToRight() {
    // (1 || 0) && 0 = 0, whereas with && binding tighter 1 || (0 && 0) would be 1.
    assertEquals(0L, eval("1 || 0 && 0"));
    assertEquals(0L, eval("!1 || 0"));
    assertEquals(1L, eval("!(1 && 0)"));
  }

  @Test
  void nullsPropagateThroughArithmetic() {
    assertNull(eval("n + 1"));
    assertNull(eval("1 - n"));
    assertNull(eval("n * d"));
    assertNull(eval("missing / 2"));
    assertNull(eval("s - 1"), "a non-numeric string in double math is null");
    assertNull(eval("-n"));
    assertNull(eval("n == n"));
    assertNull(eval("n > 1"));
    assertNull(eval("!n"));
  }

  @Test
  void strings() {
    assertEquals("abcdef", eval("s + 'def'"));
    assertEquals(1L, eval("s == 'abc'"));
    assertEquals(0L, eval("s != 'abc'"));
    assertEquals(1L, eval("s < 'abd'"));
    assertEquals(0L, eval("'10' > '9'"), "two strings compare as strings");
    assertEquals(1L, eval("num == 42"), "string and number compare as doubles");
    assertNull(eval("s == 1"), "a non-numeric string compared to a number is null");
    assertTrue(fails("s * 'x'").getMessage().contains("Operator[*] is not supported on type STRING"));
    assertTrue(fails("-s").getMessage().contains("Operator[-]"));
  }

  @Test
  void comparisonsGiveLongBooleans() {
    assertEquals(1L, eval("x > y"));
    assertEquals(0L, eval("x < y"));
    assertEquals(1L, eval("x >= 5"));
    assertEquals(1L, eval("x <= 5"));
    assertEquals(1L, eval("d == 2.5"));
    assertEquals(1L, eval("x != d"));
    assertEquals(1L, eval("2 == 2.0"));
    assertEquals(ExprType.LONG, value("d > 1.0").type());
  }

  @Test
  void logicalOperatorsUseThreeValuedLogic() {
    // Druid's documented truth table.
    assertEquals(1L, eval("1 || n"));
    assertEquals(1L, eval("n || 1"));
    assertNull(eval("0 || n"));
    assertNull(eval("n || 0"));
    assertNull(eval("n || n"));
    assertNull(eval("1 && n"));
    assertNull(eval("n && 1"));
    assertNull(eval("n && n"));
    assertEquals(0L, eval("0 && n"));
    assertEquals(0L, eval("n && 0"));
    // Documented examples of implicit booleans.
    assertEquals(1L, eval("100 && 11"));
    assertEquals(1L, eval("0.7 || 0.3"));
    assertEquals(0L, eval("100 && 0"));
    assertEquals(0L, eval("'troo' && 'true'"));
    assertEquals(1L, eval("'troo' || 'true'"));
    assertEquals(1L, eval("'TRUE' && 1"));
    assertEquals(0L, eval("-1 || 0"), "negative numbers are false");
    assertEquals(1L, eval("!0"));
    assertEquals(0L, eval("!5"));
  }

  @Test
  void divisionByZeroOfLongsIsAnError() {
    assertTrue(fails("x / 0").getMessage().contains("Division by zero"));
    assertTrue(fails("x % 0").getMessage().contains("Division by zero"));
  }

  @Test
  void conditionals() {
    assertEquals("big", eval("if(x > 3, 'big', 'small')"));
    assertEquals("small", eval("if(x > 9, 'big', 'small')"));
    assertEquals("small", eval("if(n, 'big', 'small')"), "a null condition does not hold");
    assertEquals("two", eval("case_searched(x == 1, 'one', x == 5, 'two', 'other')"));
    assertEquals("other", eval("case_searched(x == 1, 'one', x == 2, 'two', 'other')"));
    assertNull(eval("case_searched(x == 1, 'one')"));
    assertEquals("five", eval("case_simple(x, 1, 'one', 5, 'five', 'other')"));
    assertEquals("other", eval("case_simple(x, 1, 'one', 2, 'two', 'other')"));
    assertNull(eval("case_simple(x, 1, 'one')"));
    assertEquals("forty-two", eval("case_simple(num, 42, 'forty-two', 'other')"), "matches compare as == does");
    assertEquals("fallback", eval("nvl(n, 'fallback')"));
    assertEquals(5L, eval("nvl(x, 0)"));
    assertEquals(5L, eval("coalesce(n, missing, x, 1)"));
    assertEquals(1L, eval("isnull(n)"));
    assertEquals(0L, eval("isnull(s)"));
    assertEquals(1L, eval("notnull(s)"));
    assertEquals(0L, eval("notnull(missing)"));
  }

  @Test
  void stringFunctions() {
    assertEquals("abc-5-2.5", eval("concat(s, '-', x, '-', d)"));
    assertNull(eval("concat(s, n)"));
    assertEquals("bc", eval("substring(s, 1, 2)"));
    assertEquals("bc", eval("substring(s, 1, 10)"));
    assertEquals("bc", eval("substring(s, 1, -1)"));
    assertNull(eval("substring(s, 3, 1)"), "an index past the end gives null");
    assertNull(eval("substring(n, 0, 1)"));
    assertEquals(3L, eval("strlen(s)"));
    assertNull(eval("strlen(n)"));
    assertEquals("ABC", eval("upper(s)"));
    assertEquals("abc", eval("lower('AbC')"));
    assertNull(eval("upper(n)"));
    assertEquals("a-b-c", eval("replace('a.b.c', '.', '-')"), "replace is literal, not a regex");
    assertNull(eval("replace(n, 'a', 'b')"));
    assertEquals("2000", eval("regexp_extract('in 2000 and 2001', '[0-9]+')"));
    assertEquals("000", eval("regexp_extract('in 2000', '2([0-9]+)', 1)"));
    assertNull(eval("regexp_extract('no digits', '[0-9]+')"));
    assertNull(eval("regexp_extract(n, 'a')"));
    assertEquals(1L, eval("regexp_like(s, 'b')"), "the pattern may match anywhere");
    assertEquals(0L, eval("regexp_like(s, '^b')"));
    assertNull(eval("regexp_like(n, '.*')"), "as Druid 33 answers");
    assertEquals("a#c", eval("regexp_replace(s, 'b', '#')"));
    assertEquals(1L, eval("like(s, 'a%')"));
    assertEquals(1L, eval("like(s, '_b_')"));
    assertEquals(0L, eval("like(s, 'b%')"), "like matches the whole string");
    assertEquals(1L, eval("like('50%', '50\\\\%', '\\\\')"));
    assertEquals(0L, eval("like('500', '50\\\\%', '\\\\')"));
    assertEquals(1L, eval("like('a.c', 'a.c')"), "regex characters are literal in LIKE");
    assertEquals(0L, eval("like('abc', 'a.c')"));
    assertNull(eval("like(n, '%')"));
    assertEquals(1L, eval("contains_string(s, 'bc')"));
  }

  @Test
  void mathFunctions() {
    assertEquals(5L, eval("abs(-5)"));
    assertEquals(2.5, eval("abs(-2.5)"));
    assertNull(eval("abs(n)"));
    assertEquals(2.0, eval("floor(d)"));
    assertEquals(3.0, eval("ceil(d)"));
    assertEquals(5.0, eval("floor(x)"), "floor always gives a double");
    assertEquals(-3.0, eval("floor(-2.5)"));
    assertNull(eval("ceil(n)"));
    assertEquals(3.0, eval("round(d)"), "half up");
    assertEquals(-3.0, eval("round(-2.5)"), "half away from zero");
    assertEquals(3.14, eval("round(3.14159, 2)"));
    assertEquals(5L, eval("round(x)"));
    assertEquals(1200L, eval("round(1234, -2)"));
    assertEquals(1300L, eval("round(1250, -2)"));
    assertEquals(0.0, eval("round(NaN)"));
    assertEquals(Double.MAX_VALUE, eval("round(Infinity)"));
    assertNull(eval("round(n)"));
    assertEquals(3.0, eval("sqrt(9)"));
    assertEquals(8.0, eval("pow(2, 3)"));
    assertEquals(5L, eval("greatest(1, x, y)"));
    assertEquals(2.5, eval("greatest(1, d, y)"), "any double makes the comparison double");
    assertEquals(ExprType.DOUBLE, value("greatest(1, 3, 2.0)").type());
    assertEquals(3.0, eval("greatest(1, 3, 2.0)"));
    assertEquals("abc", eval("greatest(s, 10)"), "any string makes it a string comparison");
    assertEquals(1L, eval("least(1, x, n)"), "nulls are ignored");
    assertNull(eval("least(n, missing)"));
    assertNull(eval("greatest()"));
  }

  @Test
  void cast() {
    assertEquals(2L, eval("cast(d, 'LONG')"));
    assertEquals(5.0, eval("cast(x, 'DOUBLE')"));
    assertTrue(fails("cast(x, 'FLOAT')").getMessage().contains("Unknown type[FLOAT] in function[cast]"));
    assertEquals("5", eval("cast(x, 'STRING')"));
    assertEquals("2.5", eval("cast(d, 'STRING')"));
    assertEquals(42L, eval("cast(num, 'LONG')"));
    assertEquals(1L, eval("cast('1.9', 'LONG')"));
    assertNull(eval("cast(s, 'LONG')"));
    assertNull(eval("cast(n, 'DOUBLE')"));
    assertEquals(ExprType.LONG, value("cast(n, 'LONG')").type());
  }

  @Test
  void timeFunctions() {
    // t = 2000-01-02T03:04:05.006Z
    assertEquals(946_771_200_000L, eval("timestamp_floor(t, 'P1D')"));
    assertEquals(946_782_000_000L, eval("timestamp_floor(t, 'PT1H')"));
    assertEquals(946_684_800_000L, eval("timestamp_floor(t, 'P1M')"));
    assertEquals(946_857_600_000L, eval("timestamp_ceil(t, 'P1D')"));
    assertEquals(946_771_200_000L, eval("timestamp_ceil(946771200000, 'P1D')"), "a bucket start is its own ceiling");
    // 2000-01-02T03:04:05Z is 2000-01-01T19:04:05 in Los Angeles (-08:00): the day starts 2000-01-01T08:00Z.
    assertEquals(946_713_600_000L, eval("timestamp_floor(t, 'P1D', null, 'America/Los_Angeles')"));
    // Six-hour buckets counted from 01:00 UTC: 01:00, 07:00, ... so 03:04 floors to 01:00.
    assertEquals(946_774_800_000L, eval("timestamp_floor(t, 'PT6H', '2000-01-01T01:00:00Z')"));
    assertNull(eval("timestamp_floor(n, 'P1D')"));
    assertEquals(2000L, eval("timestamp_extract(t, 'YEAR')"));
    assertEquals(1L, eval("timestamp_extract(t, 'MONTH')"));
    assertEquals(2L, eval("timestamp_extract(t, 'DAY')"));
    assertEquals(3L, eval("timestamp_extract(t, 'HOUR')"));
    assertEquals(4L, eval("timestamp_extract(t, 'MINUTE')"));
    assertEquals(5L, eval("timestamp_extract(t, 'SECOND')"));
    assertEquals(6L, eval("timestamp_extract(t, 'MILLISECOND')"));
    assertEquals(7L, eval("timestamp_extract(t, 'DOW')"), "2000-01-02 was a Sunday (ISO 7)");
    assertEquals(2L, eval("timestamp_extract(t, 'DOY')"));
    assertEquals(52L, eval("timestamp_extract(t, 'WEEK')"), "it belongs to ISO week 52 of 1999");
    assertEquals(2000L, eval("timestamp_extract(t, 'ISOYEAR')"), "Druid 33 gives the calendar year");
    assertEquals(1L, eval("timestamp_extract(t, 'QUARTER')"));
    assertEquals(946_782_245L, eval("timestamp_extract(t, 'EPOCH')"));
    assertEquals(20.0, eval("timestamp_extract(t, 'CENTURY')"), "a DOUBLE in Druid 33");
    assertEquals(19L, eval("timestamp_extract(t, 'HOUR', 'America/Los_Angeles')"));
    assertEquals("2000-01-02T03:04:05.006Z", eval("timestamp_format(t)"));
    assertEquals("2000/01/02", eval("timestamp_format(t, 'yyyy/MM/dd')"));
    assertEquals("2000-01-01 19:04", eval("timestamp_format(t, 'yyyy-MM-dd HH:mm', 'America/Los_Angeles')"));
    assertEquals(946_782_245_006L, eval("timestamp_parse('2000-01-02T03:04:05.006Z')"));
    assertEquals(946_782_245_000L, eval("timestamp_parse('2000-01-02 03:04:05')"), "SQL format");
    assertEquals(946_771_200_000L, eval("timestamp_parse('2000-01-02')"));
    assertEquals(946_771_200_000L, eval("timestamp_parse('02/01/2000', 'dd/MM/yyyy')"));
    assertEquals(946_800_000_000L, eval("timestamp_parse('2000-01-02', 'yyyy-MM-dd', 'America/Los_Angeles')"));
    assertNull(eval("timestamp_parse('not a time')"));
    assertNull(eval("timestamp_parse(n)"));
    assertEquals(946_771_200_000L, eval("timestamp_floor(timestamp_parse('2000-01-02T23:59:59Z'), 'P1D')"));
  }

  @Test
  void outputTypes() {
    Map<String, ExprType> cols = Map.of("l", ExprType.LONG, "dd", ExprType.DOUBLE, "ss", ExprType.STRING);
    java.util.function.Function<String, ExprType> types = cols::get;
    assertEquals(ExprType.LONG, Parser.parse("l + 1", null).outputType(types));
    assertEquals(ExprType.DOUBLE, Parser.parse("l + dd", null).outputType(types));
    assertEquals(ExprType.STRING, Parser.parse("ss + ss", null).outputType(types));
    assertEquals(ExprType.LONG, Parser.parse("ss == 'a'", null).outputType(types));
    assertEquals(ExprType.STRING, Parser.parse("concat(l, 'x')", null).outputType(types));
    assertEquals(ExprType.STRING, Parser.parse("if(l > 1, ss, l)", null).outputType(types));
    assertEquals(ExprType.LONG, Parser.parse("timestamp_floor(l, 'P1D')", null).outputType(types));
    assertEquals(ExprType.DOUBLE, Parser.parse("floor(l)", null).outputType(types));
    assertNull(Parser.parse("unknown", null).outputType(types));
    assertEquals(List.of("l", "ss", "dd"),
        List.copyOf(Parser.parse("if(l > 1, concat(ss, dd), l)", null).identifiers()));
  }

  @Test
  void bindingsOverMaps() {
    Map<String, Object> row = new HashMap<>();
    row.put("a", Arrays.asList("x"));
    assertEquals("x!", Parser.parse("a + '!'", null).eval(Bindings.of(row)).value());
  }
}
