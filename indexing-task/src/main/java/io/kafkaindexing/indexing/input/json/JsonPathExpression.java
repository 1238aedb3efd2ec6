package io.kafkaindexing.indexing.input.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The subset of JSONPath (Jayway syntax, as Druid's {@code path} fields use it) that covers flattening
 * in practice: the root {@code $}, child names ({@code $.a.b}, {@code $['a b']}, {@code $["x"]}),
 * array indexes ({@code $.a[0]}, negative from the end: {@code $.a[-1]}), wildcards
 * ({@code $.a[*].b}, {@code $.a.*}) and one trailing function over an array of numbers
 * ({@code length()}, {@code min()}, {@code max()}, {@code avg()}, {@code sum()},
 * {@code stddev()}). Anything else (deep scan {@code ..}, filters, slices, unions) is refused when
 * the spec is read, naming the expression.
 *
 * <p>Evaluation follows Jayway with suppressed exceptions: a missing field or index of a definite
 * path gives null; a path with a wildcard gives the list of values found (missing ones skipped).
 * Immutable and thread-safe.
 */
public final class JsonPathExpression {
  private sealed interface Step permits Child, Index, Wildcard {}

  private record Child(String name) implements Step {}

  private record Index(int index) implements Step {}

  private record Wildcard() implements Step {}

  private enum Function { LENGTH, MIN, MAX, AVG, SUM, STDDEV }

  private final String expr;
  private final List<Step> steps;
  private final Function function;
  private final boolean definite;

  private JsonPathExpression(String expr, List<Step> steps, Function function) {
    this.expr = expr;
    this.steps = List.copyOf(steps);
    this.function = function;
    this.definite = steps.stream().noneMatch(s -> s instanceof Wildcard);
  }

  /**
   * Compiles {@code expr}.
   *
   * @throws IllegalArgumentException naming the expression and what is not supported
   */
  public static JsonPathExpression compile(String expr) {
    if (expr == null || !expr.startsWith("$")) {
      throw invalid(expr, "must start with '$'");
    }
    List<Step> steps = new ArrayList<>();
    Function function = null;
    int i = 1;
    int n = expr.length();
    while (i < n) {
      if (function != null) {
        throw invalid(expr, "a function must be the last part");
      }
      char c = expr.charAt(i);
      if (c == '.') {
        if (i + 1 < n && expr.charAt(i + 1) == '.') {
          throw invalid(expr, "deep scan '..' is not supported");
        }
        int start = i + 1;
        int end = start;
        while (end < n && expr.charAt(end) != '.' && expr.charAt(end) != '[') {
          end++;
        }
        String name = expr.substring(start, end);
        if (name.isEmpty()) {
          throw invalid(expr, "empty name after '.' at position " + i);
        }
        if (name.equals("*")) {
          steps.add(new Wildcard());
        } else if (name.endsWith("()")) {
          function = function(expr, name.substring(0, name.length() - 2));
        } else {
          steps.add(new Child(name));
        }
        i = end;
      } else if (c == '[') {
        int close = closingBracket(expr, i);
        steps.add(bracket(expr, expr.substring(i + 1, close).trim()));
        i = close + 1;
      } else {
        throw invalid(expr, "unexpected character '" + c + "' at position " + i);
      }
    }
    return new JsonPathExpression(expr, steps, function);
  }

  private static int closingBracket(String expr, int open) {
    char quote = 0;
    for (int j = open + 1; j < expr.length(); j++) {
      char c = expr.charAt(j);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == ']') {
        return j;
      }
    }
    throw invalid(expr, "'[' at position " + open + " is not closed");
  }

  private static Step bracket(String expr, String inside) {
    if (inside.equals("*")) {
      return new Wildcard();
    }
    if (inside.length() >= 2 && (inside.charAt(0) == '\'' || inside.charAt(0) == '"')
        && inside.charAt(inside.length() - 1) == inside.charAt(0)) {
      String name = inside.substring(1, inside.length() - 1);
      if (name.indexOf(inside.charAt(0)) >= 0) {
        throw invalid(expr, "several names in one bracket are not supported");
      }
      return new Child(name);
    }
    try {
      return new Index(Integer.parseInt(inside));
    } catch (NumberFormatException e) {
      throw invalid(expr, "bracket [" + inside + "] is not supported (use a name in quotes, an index or *)");
    }
  }

  private static Function function(String expr, String name) {
    try {
      return Function.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid(expr, "function " + name + "() is not supported (length, min, max, avg, sum, stddev are)");
    }
  }

  private static IllegalArgumentException invalid(String expr, String why) {
    return new IllegalArgumentException("Unsupported JSONPath expression[" + expr + "]: " + why);
  }

  /** The value at this path in {@code root}, converted with {@link JsonValues}; see the class comment. */
  public Object read(JsonNode root) {
    List<JsonNode> current = List.of(root);
    for (Step step : steps) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode node : current) {
        apply(step, node, next);
      }
      current = next;
    }
    Object value;
    if (definite) {
      value = current.isEmpty() ? null : JsonValues.toValue(current.get(0));
    } else {
      List<Object> values = new ArrayList<>(current.size());
      current.forEach(node -> values.add(JsonValues.toValue(node)));
      value = values;
    }
    return function == null ? value : applyFunction(value);
  }

  private static void apply(Step step, JsonNode node, List<JsonNode> out) {
    if (step instanceof Child child) {
      if (node.isObject() && node.has(child.name())) {
        out.add(node.get(child.name()));
      }
    } else if (step instanceof Index index) {
      if (node.isArray()) {
        int i = index.index() < 0 ? node.size() + index.index() : index.index();
        if (i >= 0 && i < node.size()) {
          out.add(node.get(i));
        }
      }
    } else if (node.isArray() || node.isObject()) {
      node.forEach(out::add);
    }
  }

  private Object applyFunction(Object value) {
    if (!(value instanceof List<?> list)) {
      return null;
    }
    if (function == Function.LENGTH) {
      return (long) list.size();
    }
    List<Double> numbers = new ArrayList<>();
    for (Object o : list) {
      if (o instanceof Number num) {
        numbers.add(num.doubleValue());
      }
    }
    if (numbers.isEmpty()) {
      return null;
    }
    double sum = 0;
    double sumSquares = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double d : numbers) {
      sum += d;
      sumSquares += d * d;
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
    double mean = sum / numbers.size();
    return switch (function) {
      case MIN -> min;
      case MAX -> max;
      case SUM -> sum;
      case AVG -> mean;
      case STDDEV -> Math.sqrt(Math.max(0, sumSquares / numbers.size() - mean * mean));
      default -> throw new IllegalStateException("Unexpected function " + function);
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonPathExpression that && expr.equals(that.expr);
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
