package io.kafkaindexing.indexing.input.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A JSONPath filter predicate, the {@code ?(...)} of {@code $.items[?(@.k > 1)]} (Jayway syntax):
 * operands are paths relative to the element ({@code @.a.b}, {@code @['a']}, {@code @.a.length()})
 * or to the document ({@code $.x}), numbers, strings in single or double quotes, {@code true},
 * {@code false}, {@code null}, lists ({@code ['a', 'b']}) and regular expressions
 * ({@code /ab.*c/i}); comparisons {@code ==}, {@code !=}, {@code <}, {@code <=}, {@code >},
 * {@code >=}, {@code =~} (the whole string matches), {@code in}, {@code nin}; a path alone tests
 * that the path exists; {@code !}, {@code &&}, {@code ||} and parentheses combine terms.
 *
 * <p>Comparison rules: numbers compare by value whatever their type, strings by their characters,
 * booleans and nulls by equality; operands of different kinds are never equal nor ordered; a path
 * that finds nothing equals nothing (so {@code !=} and {@code nin} hold for it). Immutable and
 * thread-safe.
 */
final class JsonPathFilter {
  /** The value of a path operand that found nothing. */
  private static final Object MISSING = new Object();

  private sealed interface Term permits Not, And, Or, Exists, Compare {}

  private record Not(Term term) implements Term {}

  private record And(Term left, Term right) implements Term {}

  private record Or(Term left, Term right) implements Term {}

  private record Exists(PathOperand path) implements Term {}

  private record Compare(Object left, String op, Object right) implements Term {}

  /** A path operand; {@code relative} when it starts with {@code @}. */
  private record PathOperand(JsonPathExpression path, boolean relative) {}

  private final Term term;

  private JsonPathFilter(Term term) {
    this.term = term;
  }

  /**
   * Parses the text between {@code ?(} and {@code )}.
   *
   * @throws IllegalArgumentException naming {@code expr} (the whole path) and the problem
   */
  static JsonPathFilter parse(String expr, String body) {
    Parser parser = new Parser(expr, body);
    Term term = parser.or();
    parser.skipSpaces();
    if (parser.pos < body.length()) {
      throw parser.error("unexpected '" + body.substring(parser.pos) + "'");
    }
    return new JsonPathFilter(term);
  }

  boolean test(JsonNode element, JsonNode root) {
    return eval(term, element, root);
  }

  private static boolean eval(Term term, JsonNode element, JsonNode root) {
    if (term instanceof Not not) {
      return !eval(not.term(), element, root);
    }
    if (term instanceof And and) {
      return eval(and.left(), element, root) && eval(and.right(), element, root);
    }
    if (term instanceof Or or) {
      return eval(or.left(), element, root) || eval(or.right(), element, root);
    }
    if (term instanceof Exists exists) {
      return value(exists.path(), element, root) != MISSING;
    }
    Compare compare = (Compare) term;
    Object left = value(compare.left(), element, root);
    Object right = value(compare.right(), element, root);
    return switch (compare.op()) {
      case "==" -> same(left, right);
      case "!=" -> !same(left, right);
      case "<", "<=", ">", ">=" -> holds(compare.op(), order(left, right));
      case "=~" -> left instanceof String s && right instanceof Pattern p && p.matcher(s).matches();
      case "in" -> contains(right, left);
      case "nin" -> !contains(right, left);
      default -> throw new IllegalStateException("Unexpected operator " + compare.op());
    };
  }

  /** Whether {@code op} holds for an {@link #order} result; never for operands that are not ordered. */
  private static boolean holds(String op, int order) {
    if (order == Integer.MIN_VALUE) {
      return false;
    }
    return switch (op) {
      case "<" -> order < 0;
      case "<=" -> order <= 0;
      case ">" -> order > 0;
      default -> order >= 0;
    };
  }

  private static boolean contains(Object list, Object value) {
    return list instanceof List<?> values && values.stream().anyMatch(v -> same(value, v));
  }

  private static Object value(Object operand, JsonNode element, JsonNode root) {
    if (operand instanceof PathOperand path) {
      return path.path().readOrMissing(path.relative() ? element : root, root, MISSING);
    }
    return operand;
  }

  private static boolean same(Object a, Object b) {
    if (a == MISSING || b == MISSING) {
      return false;
    }
    if (a instanceof Number x && b instanceof Number y) {
      return x.doubleValue() == y.doubleValue()
          && (!(x instanceof Long) || !(y instanceof Long) || x.longValue() == y.longValue());
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!same(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    return Objects.equals(a, b);
  }

  /** Negative, zero or positive; {@link Integer#MIN_VALUE} when the operands are not ordered. */
  private static int order(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    if (a instanceof Number x && b instanceof Number y) {
      double dx = x.doubleValue();
      double dy = y.doubleValue();
      return Double.isNaN(dx) || Double.isNaN(dy) ? Integer.MIN_VALUE : Double.compare(dx, dy);
    }
    if (a instanceof String x && b instanceof String y) {
      return Integer.signum(x.compareTo(y));
    }
    return Integer.MIN_VALUE;
  }

  /** Recursive descent over the filter's text. */
  private static final class Parser {
    private final String expr;
    private final String text;
    private int pos;

    Parser(String expr, String text) {
      this.expr = expr;
      this.text = text;
    }

    Term or() {
      Term left = and();
      while (consume("||")) {
        left = new Or(left, and());
      }
      return left;
    }

    Term and() {
      Term left = unary();
      while (consume("&&")) {
        left = new And(left, unary());
      }
      return left;
    }

    Term unary() {
      skipSpaces();
      if (consume("!")) {
        return new Not(unary());
      }
      if (consume("(")) {
        Term inner = or();
        if (!consume(")")) {
          throw error("')' expected at position " + pos);
        }
        return inner;
      }
      Object left = operand();
      String op = operator();
      if (op == null) {
        if (left instanceof PathOperand path) {
          return new Exists(path);
        }
        throw error("a term must be a path or a comparison (at position " + pos + ")");
      }
      Object right = operand();
      if (op.equals("=~") && !(right instanceof Pattern)) {
        throw error("=~ needs a regular expression /.../ on its right");
      }
      if ((op.equals("in") || op.equals("nin")) && !(right instanceof List<?>) && !(right instanceof PathOperand)) {
        throw error(op + " needs a list [...] on its right");
      }
      return new Compare(left, op, right);
    }

    private String operator() {
      skipSpaces();
      for (String op : List.of("==", "!=", "<=", ">=", "=~", "<", ">")) {
        if (text.startsWith(op, pos)) {
          pos += op.length();
          return op;
        }
      }
      for (String word : List.of("nin", "in")) {
        if (text.startsWith(word, pos) && pos + word.length() < text.length()
            && !Character.isLetterOrDigit(text.charAt(pos + word.length()))) {
          pos += word.length();
          return word;
        }
      }
      return null;
    }

    private Object operand() {
      skipSpaces();
      if (pos >= text.length()) {
        throw error("an operand is missing at the end");
      }
      char c = text.charAt(pos);
      if (c == '@' || c == '$') {
        return path(c == '@');
      }
      if (c == '\'' || c == '"') {
        return string(c);
      }
      if (c == '/') {
        return regex();
      }
      if (c == '[') {
        return list();
      }
      if (c == '-' || Character.isDigit(c)) {
        return number();
      }
      for (String word : List.of("true", "false", "null")) {
        if (text.startsWith(word, pos)) {
          pos += word.length();
          return word.equals("null") ? null : Boolean.valueOf(word);
        }
      }
      throw error("unexpected '" + c + "' at position " + pos);
    }

    private PathOperand path(boolean relative) {
      int start = pos;
      int depth = 0;
      char quote = 0;
      pos++;
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (quote != 0) {
          quote = c == quote ? 0 : quote;
        } else if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == '[') {
          depth++;
        } else if (c == ']') {
          depth--;
        } else if (c == '(' && text.startsWith("()", pos)) {
          pos++;
        } else if (depth == 0 && (Character.isWhitespace(c) || "=!<>&|)".indexOf(c) >= 0)) {
          break;
        }
        pos++;
      }
      String path = "$" + text.substring(start + 1, pos);
      try {
        return new PathOperand(JsonPathExpression.compile(path), relative);
      } catch (IllegalArgumentException e) {
        throw error("path " + text.substring(start, pos) + " in the filter: "
            + e.getMessage().substring(e.getMessage().indexOf("]: ") + 3));
      }
    }

    private String string(char quote) {
      StringBuilder out = new StringBuilder();
      pos++;
      while (pos < text.length() && text.charAt(pos) != quote) {
        char c = text.charAt(pos++);
        if (c == '\\' && pos < text.length()) {
          c = text.charAt(pos++);
        }
        out.append(c);
      }
      if (pos >= text.length()) {
        throw error("string not closed");
      }
      pos++;
      return out.toString();
    }

    private Pattern regex() {
      int end = text.indexOf('/', pos + 1);
      while (end > 0 && text.charAt(end - 1) == '\\') {
        end = text.indexOf('/', end + 1);
      }
      if (end < 0) {
        throw error("regular expression not closed with '/'");
      }
      String body = text.substring(pos + 1, end);
      pos = end + 1;
      int flags = 0;
      while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
        char f = text.charAt(pos++);
        flags |= switch (f) {
          case 'i' -> Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
          case 'm' -> Pattern.MULTILINE;
          case 's' -> Pattern.DOTALL;
          case 'x' -> Pattern.COMMENTS;
          case 'u' -> Pattern.UNICODE_CASE;
          default -> throw error("regular expression flag '" + f + "' is not supported (i, m, s, x, u are)");
        };
      }
      try {
        return Pattern.compile(body, flags);
      } catch (PatternSyntaxException e) {
        throw error("bad regular expression /" + body + "/: " + e.getDescription());
      }
    }

    private List<Object> list() {
      pos++;
      List<Object> values = new ArrayList<>();
      skipSpaces();
      if (consume("]")) {
        return values;
      }
      do {
        Object value = operand();
        if (value instanceof PathOperand || value instanceof Pattern) {
          throw error("a list holds numbers, strings, booleans and nulls");
        }
        values.add(value);
      } while (consume(","));
      if (!consume("]")) {
        throw error("']' expected at position " + pos);
      }
      return values;
    }

    private Number number() {
      int start = pos;
      pos++;
      while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || ".eE+-".indexOf(text.charAt(pos)) >= 0)) {
        pos++;
      }
      String literal = text.substring(start, pos);
      try {
        if (literal.matches("-?\\d+")) {
          return Long.parseLong(literal);
        }
        return Double.parseDouble(literal);
      } catch (NumberFormatException e) {
        throw error("bad number " + literal);
      }
    }

    private boolean consume(String token) {
      skipSpaces();
      if (text.startsWith(token, pos)) {
        pos += token.length();
        return true;
      }
      return false;
    }

    void skipSpaces() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    IllegalArgumentException error(String why) {
      return new IllegalArgumentException("Unsupported JSONPath expression[" + expr + "]: filter ?(" + text + "): " + why);
    }
  }
}
