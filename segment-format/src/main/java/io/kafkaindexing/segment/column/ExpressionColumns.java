package io.kafkaindexing.segment.column;

import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The seam through which segment-format code (numeric aggregators' {@code expression} field) uses
 * Druid's expression language, which lives in a later module (query-engine). An implementation
 * is found once with {@link ServiceLoader}; without one on the class path every expression is
 * refused. Implementations are thread-safe.
 */
public interface ExpressionColumns {
  /**
   * Parses {@code expression}, whose values are read as {@code type} (LONG, FLOAT or DOUBLE: the
   * value cast as Druid casts, a long aggregator truncating a double); {@code where} names the
   * field for error messages (e.g. {@code field[expression] of aggregator[x]}). Throws a 400-class
   * error when it is invalid.
   */
  Compiled compile(String expression, ValueType type, String where);

  /** A parsed expression, ready to make per-cursor selectors. Immutable and thread-safe. */
  interface Compiled {
    /** The columns the expression reads. */
    List<String> requiredColumns();

    /** A selector computing the expression over the current row of {@code columns}. */
    ColumnValueSelector makeSelector(ColumnSelectorFactory columns);
  }

  /** The expression language on the class path. */
  static ExpressionColumns get() {
    return Holder.INSTANCE;
  }

  /** Loads the implementation lazily, once. */
  final class Holder {
    private static final ExpressionColumns INSTANCE = load();

    private Holder() {}

    private static ExpressionColumns load() {
      Iterator<ExpressionColumns> found = ServiceLoader.load(ExpressionColumns.class,
          ExpressionColumns.class.getClassLoader()).iterator();
      if (found.hasNext()) {
        return found.next();
      }
      return (expression, type, where) -> {
        throw new IllegalArgumentException("Cannot evaluate " + where + ": the expression language is not "
            + "available");
      };
    }
  }
}
