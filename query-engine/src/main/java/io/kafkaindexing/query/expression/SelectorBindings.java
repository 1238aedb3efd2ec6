package io.kafkaindexing.query.expression;

import io.kafkaindexing.segment.column.ColumnCapabilities;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.ColumnValueSelector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bindings over the current row of a cursor (or ingestion row): one selector per identifier the
 * expression reads, made once. Numeric columns give their number (null when null), string columns
 * their value (a String, or a List for a multi-value row). A column the factory cannot describe
 * (an ingestion row's field, or a missing column) gives its raw value as the row holds it, so a
 * number in an input row stays a number, as Druid binds input rows. Not thread-safe: it follows
 * its cursor.
 */
public final class SelectorBindings implements Bindings {
  private final Map<String, ColumnValueSelector> selectors = new HashMap<>();
  private final Map<String, Boolean> numeric = new HashMap<>();
  private final Set<String> raw = new HashSet<>();
  private final boolean mayHaveMultipleValues;

  public SelectorBindings(ColumnSelectorFactory columns, Set<String> identifiers) {
    boolean multi = false;
    for (String name : identifiers) {
      ColumnCapabilities caps = columns.getColumnCapabilities(name);
      boolean isNumeric = caps != null && caps.type().isNumeric();
      // Only a stored single-value string column (dictionary, no multi-values) or a number is surely scalar.
      multi |= !isNumeric && (caps == null || caps.hasMultipleValues() || !caps.dictionaryEncoded());
      numeric.put(name, isNumeric);
      if (caps == null) {
        raw.add(name);
      }
      selectors.put(name, isNumeric || caps == null ? columns.makeColumnValueSelector(name)
          : columns.makeDimensionSelector(name));
    }
    this.mayHaveMultipleValues = multi;
  }

  /** False when no identifier can hold several values in a row (then {@link MultiValues} is not needed). */
  public boolean mayHaveMultipleValues() {
    return mayHaveMultipleValues;
  }

  @Override
  public Object get(String name) {
    ColumnValueSelector s = selectors.get(name);
    if (s == null) {
      return null;
    }
    if (numeric.get(name) && s.isNull()) {
      return null;
    }
    return raw.contains(name) ? rawValue(s.getObject()) : s.getObject();
  }

  /**
   * A raw row value as bindings hold it: numbers and strings as they are, a list as its values
   * in text (none: null; one: that value), anything else as text.
   */
  private static Object rawValue(Object value) {
    if (value == null || value instanceof Number || value instanceof String) {
      return value;
    }
    if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        return null;
      }
      List<String> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(v == null ? null : String.valueOf(v)));
      return out.size() == 1 ? out.get(0) : out;
    }
    return String.valueOf(value);
  }

  /** The expression types of the identifiers as {@code columns} describes them (null when unknown). */
  public static ExprType typeOf(ColumnCapabilities caps) {
    return caps == null ? null : ExprType.of(caps.type());
  }
}
