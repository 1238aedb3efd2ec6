package io.kafkaindexing.compat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates expressions with Apache Druid 33's own expression engine, in a child JVM on Druid's
 * classpath (reached by reflection: this module does not compile against Druid). Reads one
 * expression per line and writes {@code expression TAB TYPE TAB value} (value as JSON: a number, a
 * quoted string or null) or {@code expression TAB ERROR TAB exception class}. Every expression
 * reads the row {@link #row()}. Run as {@code main(expressionsFile, outputFile)}.
 */
public final class DruidExpressionEval {
  private static final List<String> MACROS = List.of("LikeExprMacro", "RegexpExtractExprMacro", "RegexpLikeExprMacro",
      "RegexpReplaceExprMacro", "ContainsExprMacro", "TimestampCeilExprMacro", "TimestampExtractExprMacro",
      "TimestampFloorExprMacro", "TimestampFormatExprMacro", "TimestampParseExprMacro", "TimestampShiftExprMacro",
      "TrimExprMacro$BothTrimExprMacro", "TrimExprMacro$LeftTrimExprMacro", "TrimExprMacro$RightTrimExprMacro",
      "CaseInsensitiveContainsExprMacro");

  private DruidExpressionEval() {}

  /** The row every expression reads (the same as the query-engine golden test's). */
  static Map<String, Object> row() {
    Map<String, Object> row = new HashMap<>();
    row.put("x", 5L);
    row.put("y", 2L);
    row.put("d", 2.5);
    row.put("f", 1.5f);
    row.put("s", "abc");
    row.put("n", null);
    row.put("num", "42");
    row.put("t", 946_782_245_006L);
    row.put("weird name", 7L);
    row.put("b", true);
    return row;
  }

  public static void main(String[] args) throws Exception {
    Class.forName("org.apache.druid.math.expr.ExpressionProcessing").getMethod("initializeForTests").invoke(null);
    List<Object> macros = new ArrayList<>();
    for (String name : MACROS) {
      macros.add(Class.forName("org.apache.druid.query.expression." + name).getConstructor().newInstance());
    }
    Class<?> tableClass = Class.forName("org.apache.druid.math.expr.ExprMacroTable");
    Object table = tableClass.getConstructor(List.class).newInstance(macros);
    Method parse = Class.forName("org.apache.druid.math.expr.Parser").getMethod("parse", String.class, tableClass);
    Object bindings = Class.forName("org.apache.druid.math.expr.InputBindings").getMethod("forMap", Map.class)
        .invoke(null, row());
    Method eval = Class.forName("org.apache.druid.math.expr.Expr")
        .getMethod("eval", Class.forName("org.apache.druid.math.expr.Expr$ObjectBinding"));
    Class<?> evalClass = Class.forName("org.apache.druid.math.expr.ExprEval");
    Method type = evalClass.getMethod("type");
    Method value = evalClass.getMethod("value");
    StringBuilder out = new StringBuilder();
    for (String expression : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
      if (expression.isEmpty()) {
        continue;
      }
      out.append(expression).append('\t');
      try {
        Object result = eval.invoke(parse.invoke(null, expression, table), bindings);
        out.append(type.invoke(result)).append('\t').append(json(value.invoke(result)));
      } catch (InvocationTargetException e) {
        out.append("ERROR\t").append(e.getCause().getClass().getSimpleName());
      }
      out.append('\n');
    }
    Files.writeString(Path.of(args[1]), out.toString(), StandardCharsets.UTF_8);
  }

  /** A Long, Double or String as JSON; null as null. */
  static String json(Object v) {
    if (v == null || v instanceof Number) {
      return String.valueOf(v);
    }
    StringBuilder sb = new StringBuilder("\"");
    for (char c : v.toString().toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        default -> sb.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return sb.append('"').toString();
  }
}
