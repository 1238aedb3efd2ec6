package io.kafkaindexing.segment.column;

/**
 * Reads a (possibly multi-value) string column at the current position: the row's dictionary ids
 * ({@link #getRow()}) and the values they stand for ({@link #lookupName(int)}). A null or missing
 * value is one id whose name is null; an empty multi-value row is stored as null. For columns
 * without a dictionary (numbers seen as strings) ids are only meaningful for the current row and
 * {@link #getValueCardinality()} is {@link #CARDINALITY_UNKNOWN}.
 *
 * <p>{@link #getObject()} is the row's value: a String, a {@code List<String>} for several values,
 * or null. Numeric getters parse a single value as a number; as for every
 * {@link ColumnValueSelector}, {@link #isNull()} is true when there is no number (test a string for
 * null with {@code getObject() == null}). Not thread-safe: a selector belongs to the thread that
 * made it.
 */
public interface DimensionSelector extends ColumnValueSelector {
  int CARDINALITY_UNKNOWN = -1;

  /** The ids of the current row's values; at least one id (the null id for a null row). */
  IndexedInts getRow();

  /** The number of distinct ids, or {@link #CARDINALITY_UNKNOWN} when there is no dictionary. */
  int getValueCardinality();

  /** The value an id stands for; null for the null id. */
  String lookupName(int id);

  /**
   * True when {@link #lookupName(int)} may be called for any id below the cardinality before
   * reading rows (a real dictionary); false when ids only make sense for the current row.
   */
  boolean nameLookupPossibleInAdvance();

  /**
   * True when the ids are a fixed, sorted dictionary for the selector's whole life: every id read
   * is below {@link #getValueCardinality()} or -1, distinct ids stand for distinct values, names
   * never change, -1 is read only when no id stands for null, and ids ascend with their values
   * (null first, then {@link String#compareTo} order). Engines may then aggregate per id, compare
   * ids instead of values, and look names up only for the groups they report. False unless a selector says otherwise (a
   * dictionary that grows while a query reads it is not fixed).
   */
  default boolean hasFixedDictionary() {
    return false;
  }
}
