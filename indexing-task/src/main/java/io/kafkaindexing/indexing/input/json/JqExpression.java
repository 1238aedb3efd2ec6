package io.kafkaindexing.indexing.input.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The simple path subset of jq that Druid's {@code jq} flatten fields are used for: {@code .}
 * (the whole object), {@code .a.b}, {@code ."a b"}, {@code .["a b"]}, {@code .a[0]},
 * {@code .a[-1]} (from the end). Anything else (pipes, functions, iteration, filters) is refused
 * when the spec is read, naming the expression. A missing field or index, or indexing a value of
 * the wrong kind, gives null. Immutable and thread-safe.
 */
public final class JqExpression {
  private final String expr;
  /** Each step is a String (field name) or an Integer (array index). */
  private final List<Object> steps;

  private JqExpression(String expr, List<Object> steps) {
    this.expr = expr;
    this.steps = List.copyOf(steps);
  }

  /**
   * Compiles {@code expr}.
   *
   * @throws IllegalArgumentException naming the expression and what is not supported
   */
  public static JqExpression compile(String expr) {
    if (expr == null || !expr.trim().startsWith(".")) {
      throw invalid(expr, "must start with '.'");
    }
    String e = expr.trim();
    List<Object> steps = new ArrayList<>();
    int i = 0;
    int n = e.length();
    while (i < n) {
      char c = e.charAt(i);
      if (c == '.') {
        i++;
        if (i >= n || e.charAt(i) == '[') {
          continue;
        }
        if (e.charAt(i) == '"') {
          int close = e.indexOf('"', i + 1);
          if (close < 0) {
            throw invalid(expr, "unclosed quote at position " + i);
          }
          steps.add(e.substring(i + 1, close));
          i = close + 1;
        } else {
          int start = i;
          while (i < n && (Character.isLetterOrDigit(e.charAt(i)) || e.charAt(i) == '_')) {
            i++;
          }
          if (start == i) {
            throw invalid(expr, "unexpected character '" + e.charAt(i) + "' at position " + i);
          }
          steps.add(e.substring(start, i));
        }
      } else if (c == '[') {
        int close = e.indexOf(']', i);
        if (close < 0) {
          throw invalid(expr, "'[' at position " + i + " is not closed");
        }
        steps.add(bracket(expr, e.substring(i + 1, close).trim()));
        i = close + 1;
      } else {
        throw invalid(expr, "unexpected character '" + c + "' at position " + i
            + " (only paths like .a.b, .a[0] and .[\"a b\"] are supported)");
      }
    }
    return new JqExpression(expr, steps);
  }

  private static Object bracket(String expr, String inside) {
    if (inside.length() >= 2 && inside.startsWith("\"") && inside.endsWith("\"")) {
      return inside.substring(1, inside.length() - 1);
    }
    try {
      return Integer.parseInt(inside);
    } catch (NumberFormatException e) {
      throw invalid(expr, "bracket [" + inside + "] is not supported (use a name in quotes or an index)");
    }
  }

  private static IllegalArgumentException invalid(String expr, String why) {
    return new IllegalArgumentException("Unsupported jq expression[" + expr + "]: " + why);
  }

  /** The value at this path in {@code root}, converted with {@link JsonValues}. */
  public Object read(JsonNode root) {
    JsonNode node = root;
    for (Object step : steps) {
      if (node == null) {
        return null;
      }
      if (step instanceof String name) {
        node = node.isObject() ? node.get(name) : null;
      } else {
        int index = (Integer) step;
        if (!node.isArray()) {
          return null;
        }
        int i = index < 0 ? node.size() + index : index;
        node = i >= 0 && i < node.size() ? node.get(i) : null;
      }
    }
    return JsonValues.toValue(node);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JqExpression that && expr.equals(that.expr);
  }

  @Override
  public int hashCode() {
    return Objects.hash(expr);
  }

  @Override
  public String toString() {
    return expr;
  }
}
