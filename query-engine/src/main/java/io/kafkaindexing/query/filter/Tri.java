package io.kafkaindexing.query.filter;

/**
 * SQL's three truth values: a comparison involving a null is {@link #UNKNOWN}, which neither a
 * filter nor its negation matches.
 */
public enum Tri {
  TRUE, FALSE, UNKNOWN;

  public static Tri of(boolean b) {
    return b ? TRUE : FALSE;
  }

  /** Whether a row with this value is kept, given that unknown rows are kept when {@code includeUnknown}. */
  public boolean matches(boolean includeUnknown) {
    return this == TRUE || (includeUnknown && this == UNKNOWN);
  }

  /** Folds the values of a multi-value row: true if any is true, else unknown if any is unknown. */
  public Tri or(Tri other) {
    if (this == TRUE || other == TRUE) {
      return TRUE;
    }
    return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : FALSE;
  }
}
