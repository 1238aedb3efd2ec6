package io.kafkaindexing.query.expression;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Druid's implicit mapping of scalar expressions over multi-value inputs: when an identifier's value
 * is a list of several values, the expression is evaluated once per value (once per combination,
 * in order, when several identifiers have several values) and gives a list of results. Stateless.
 */
public final class MultiValues {
  private MultiValues() {}

  /**
   * The results per value combination, or null when no identifier in {@code identifiers} has
   * several values (evaluate the expression once, as usual).
   */
  public static List<ExprValue> evalEach(Expr expr, Set<String> identifiers, Bindings bindings) {
    List<String> multi = null;
    Map<String, List<?>> values = null;
    for (String id : identifiers) {
      if (bindings.get(id) instanceof List<?> list && list.size() > 1) {
        if (multi == null) {
          multi = new ArrayList<>();
          values = new HashMap<>();
        }
        multi.add(id);
        values.put(id, list);
      }
    }
    if (multi == null) {
      return null;
    }
    List<ExprValue> out = new ArrayList<>();
    Map<String, Object> current = new HashMap<>();
    Bindings overridden = name -> current.containsKey(name) ? current.get(name) : bindings.get(name);
    combine(expr, multi, values, 0, current, overridden, out);
    return out;
  }

  private static void combine(Expr expr, List<String> multi, Map<String, List<?>> values, int index,
      Map<String, Object> current, Bindings overridden, List<ExprValue> out) {
    if (index == multi.size()) {
      out.add(expr.eval(overridden));
      return;
    }
    String id = multi.get(index);
    for (Object v : values.get(id)) {
      current.put(id, v);
      combine(expr, multi, values, index + 1, current, overridden, out);
    }
  }
}
