package io.kafkaindexing.indexing.input.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * JSONPath as Druid's {@code path} fields use it (Jayway syntax): the root {@code $}, child names
 * ({@code $.a.b}, {@code $['a b']}, {@code $["x"]}), array indexes ({@code $.a[0]}, negative from
 * the end: {@code $.a[-1]}) and index lists ({@code $.a[0,2]}), slices ({@code $.a[1:3]},
 * {@code $.a[:2]}, {@code $.a[-2:]}), wildcards ({@code $.a[*].b}, {@code $.a.*}), deep scan
 * ({@code $..name}, {@code $..[0]}, {@code $..*}), filters ({@code $.items[?(@.k > 1 && @.t =~ /a.*\/i)]},
 * see {@link JsonPathFilter}) and one trailing function over an array of numbers ({@code length()},
 * {@code min()}, {@code max()}, {@code avg()}, {@code sum()}, {@code stddev()}). Lists of names in
 * one bracket ({@code $['a','b']}), slice steps and other functions are refused when the spec is
 * read, naming the expression.
 *
 * <p>Evaluation follows Jayway with suppressed exceptions: a missing field or index of a definite
 * path gives null; a path with a wildcard, deep scan, index list, slice or filter gives the list of
 * values found (missing ones skipped), deep scan in document order (a node before its children).
 * Immutable and thread-safe.
 */
public final class JsonPathExpression {
  private sealed interface Step permits Child, Index, Indexes, Slice, Wildcard, DeepScan, Filter {}

  private record Child(String name) implements Step {}

  private record Index(int index) implements Step {}

  private record Indexes(List<Integer> indexes) implements Step {}

  /** {@code [from:to]}; null ends are the array's ends; negative ends count from the end. */
  private record Slice(Integer from, Integer to) implements Step {}

  private record Wildcard() implements Step {}

  /** The node and all its descendants, a node before its children. */
  private record DeepScan() implements Step {}

  private record Filter(JsonPathFilter filter) implements Step {}

  private enum Function { LENGTH, MIN, MAX, AVG, SUM, STDDEV }

  private final String expr;
  private final List<Step> steps;
  private final Function function;
  private final boolean definite;

  private JsonPathExpression(String expr, List<Step> steps, Function function) {
    this.expr = expr;
    this.steps = List.copyOf(steps);
    this.function = function;
    this.definite = steps.stream().allMatch(s -> s instanceof Child || s instanceof Index);
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
          steps.add(new DeepScan());
          if (i + 2 >= n) {
            throw invalid(expr, "nothing after '..'");
          }
          if (expr.charAt(i + 2) == '[') {
            i += 2;
            continue;
          }
          i++;
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
    int depth = 0;
    for (int j = open + 1; j < expr.length(); j++) {
      char c = expr.charAt(j);
      if (quote != 0) {
        if (c == '\\') {
          j++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '[') {
        depth++;
      } else if (c == ']' && depth-- == 0) {
        return j;
      }
    }
    throw invalid(expr, "'[' at position " + open + " is not closed");
  }

  private static Step bracket(String expr, String inside) {
    if (inside.equals("*")) {
      return new Wildcard();
    }
    if (inside.startsWith("?")) {
      String body = inside.substring(1).trim();
      if (body.length() < 2 || body.charAt(0) != '(' || body.charAt(body.length() - 1) != ')') {
        throw invalid(expr, "a filter is written [?(...)]");
      }
      return new Filter(JsonPathFilter.parse(expr, body.substring(1, body.length() - 1)));
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
      if (inside.contains(":")) {
        String[] ends = inside.split(":", -1);
        if (ends.length > 2) {
          throw invalid(expr, "slice steps [from:to:step] are not supported");
        }
        return new Slice(ends[0].isBlank() ? null : Integer.valueOf(ends[0].trim()),
            ends[1].isBlank() ? null : Integer.valueOf(ends[1].trim()));
      }
      if (inside.contains(",")) {
        List<Integer> indexes = new ArrayList<>();
        for (String index : inside.split(",")) {
          indexes.add(Integer.valueOf(index.trim()));
        }
        return new Indexes(indexes);
      }
      return new Index(Integer.parseInt(inside));
    } catch (NumberFormatException e) {
      throw invalid(expr, "bracket [" + inside + "] is not supported (use a name in quotes, an index, "
          + "indexes, a slice, * or a filter)");
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
    return readOrMissing(root, root, null);
  }

  /**
   * The value at this path from {@code start} ({@code document} is what {@code $} means inside
   * filters), or {@code missing} when a definite path finds nothing.
   */
  Object readOrMissing(JsonNode start, JsonNode document, Object missing) {
    List<JsonNode> current = List.of(start);
    for (Step step : steps) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode node : current) {
        apply(step, node, document, next);
      }
      current = next;
    }
    Object value;
    if (definite) {
      if (current.isEmpty()) {
        return function == null ? missing : null;
      }
      value = JsonValues.toValue(current.get(0));
    } else {
      List<Object> values = new ArrayList<>(current.size());
      current.forEach(node -> values.add(JsonValues.toValue(node)));
      value = values;
    }
    return function == null ? value : applyFunction(value);
  }

  private static void apply(Step step, JsonNode node, JsonNode document, List<JsonNode> out) {
    if (step instanceof Child child) {
      if (node.isObject() && node.has(child.name())) {
        out.add(node.get(child.name()));
      }
    } else if (step instanceof Index index) {
      element(node, index.index(), out);
    } else if (step instanceof Indexes indexes) {
      for (int index : indexes.indexes()) {
        element(node, index, out);
      }
    } else if (step instanceof Slice slice) {
      if (node.isArray()) {
        int size = node.size();
        int from = slice.from() == null ? 0 : slice.from() < 0 ? Math.max(0, size + slice.from()) : slice.from();
        int to = slice.to() == null ? size : slice.to() < 0 ? size + slice.to() : Math.min(size, slice.to());
        for (int i = from; i < to; i++) {
          out.add(node.get(i));
        }
      }
    } else if (step instanceof DeepScan) {
      out.add(node);
      if (node.isArray() || node.isObject()) {
        node.forEach(child -> apply(step, child, document, out));
      }
    } else if (step instanceof Filter filter) {
      if (node.isArray()) {
        node.forEach(element -> {
          if (filter.filter().test(element, document)) {
            out.add(element);
          }
        });
      } else if (node.isObject() && filter.filter().test(node, document)) {
        out.add(node);
      }
    } else if (node.isArray() || node.isObject()) {
      node.forEach(out::add);
    }
  }

  /** The element at {@code index} of an array node (negative: from the end), if there is one. */
  private static void element(JsonNode node, int index, List<JsonNode> out) {
    if (node.isArray()) {
      int i = index < 0 ? node.size() + index : index;
      if (i >= 0 && i < node.size()) {
        out.add(node.get(i));
      }
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
