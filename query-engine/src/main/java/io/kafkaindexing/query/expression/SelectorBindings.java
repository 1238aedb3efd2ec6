package io.kafkaindexing.query.expression;

import io.kafkaindexing.segment.column.ColumnCapabilities;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.ColumnValueSelector;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Bindings over the current row of a cursor (or ingestion row): one selector per identifier the
 * expression reads, made once. Numeric columns give their number (null when null), string columns
 * their value (a String, or a List for a multi-value row). Not thread-safe: it follows its cursor.
 */
public final class SelectorBindings implements Bindings {
  private final Map<String, ColumnValueSelector> selectors = new HashMap<>();
  private final Map<String, Boolean> numeric = new HashMap<>();
  private final boolean mayHaveMultipleValues;

  public SelectorBindings(ColumnSelectorFactory columns, Set<String> identifiers) {
    boolean multi = false;
    for (String name : identifiers) {
      ColumnCapabilities caps = columns.getColumnCapabilities(name);
      boolean isNumeric = caps != null && caps.type().isNumeric();
      // Only a stored single-value string column (dictionary, no multi-values) or a number is surely scalar.
      multi |= !isNumeric && (caps == null || caps.hasMultipleValues() || !caps.dictionaryEncoded());
      numeric.put(name, isNumeric);
      selectors.put(name, isNumeric ? columns.makeColumnValueSelector(name) : columns.makeDimensionSelector(name));
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
    return s.getObject();
  }

  /** The expression types of the identifiers as {@code columns} describes them (null when unknown). */
  public static ExprType typeOf(ColumnCapabilities caps) {
    return caps == null ? null : ExprType.of(caps.type());
  }
}
