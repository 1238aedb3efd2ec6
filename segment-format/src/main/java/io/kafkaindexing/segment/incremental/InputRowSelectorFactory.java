package io.kafkaindexing.segment.incremental;

import io.kafkaindexing.segment.column.ColumnValueSelector;
import io.kafkaindexing.segment.read.ColumnNames;
import io.kafkaindexing.segment.row.InputRow;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The write-side selectors metrics aggregate from: each reads a column of the input row being
 * added ({@link #set}). Values that are not numbers read as null and are reported once per column
 * and row as parse errors. {@link ColumnNames#TIME} reads the row's (untruncated) time. Used only
 * by the ingesting thread under the index's write lock; one selector per column is shared by all
 * aggregators.
 */
final class InputRowSelectorFactory implements io.kafkaindexing.segment.column.ColumnSelectorFactory {
  private final Map<String, InputColumnSelector> selectors = new HashMap<>();
  private InputRow row;
  private Collection<String> parseErrors;

  void set(InputRow row, Collection<String> parseErrors) {
    this.row = row;
    this.parseErrors = parseErrors;
  }

  void clear() {
    this.row = null;
    this.parseErrors = null;
  }

  @Override
  public ColumnValueSelector makeColumnValueSelector(String column) {
    return column(column);
  }

  /** The selector of {@code column}, shared by every reader of that column. */
  InputColumnSelector column(String column) {
    // get first: computeIfAbsent with InputColumnSelector::new allocates the bound constructor
    // reference on every call, and aggregators of non-primitive metrics make their selectors for
    // every new row
    InputColumnSelector selector = selectors.get(column);
    if (selector == null) {
      selector = new InputColumnSelector(column);
      selectors.put(column, selector);
    }
    return selector;
  }

  /** Reads one column of the current input row as a number. */
  final class InputColumnSelector implements ColumnValueSelector {
    private final String column;

    InputColumnSelector(String column) {
      this.column = column;
    }

    /**
     * The current row's value as a number, or null when missing, null or not a number (then
     * reported as a parse error); {@link #isNull()} and the numeric getters read it.
     */
    Number number() {
      if (ColumnNames.TIME.equals(column)) {
        return row.getTimestampFromEpoch();
      }
      Object raw = row.getRaw(column);
      try {
        return Values.toNumber(raw);
      } catch (IllegalArgumentException e) {
        if (parseErrors != null) {
          parseErrors.add("Unable to parse " + e.getMessage() + " for field[" + column + "]");
        }
        return null;
      }
    }

    @Override
    public long getLong() {
      Number n = number();
      return n == null ? 0L : n.longValue();
    }

    @Override
    public double getDouble() {
      Number n = number();
      return n == null ? 0d : n.doubleValue();
    }

    @Override
    public float getFloat() {
      Number n = number();
      return n == null ? 0f : n.floatValue();
    }

    @Override
    public boolean isNull() {
      return number() == null;
    }

    @Override
    public Object getObject() {
      return ColumnNames.TIME.equals(column) ? (Object) row.getTimestampFromEpoch() : row.getRaw(column);
    }
  }
}
