package io.kafkaindexing.segment.row;

import java.util.List;

/**
 * One parsed input row: its timestamp (epoch millis, after {@code timestampSpec}) and raw values by
 * column name, as produced by an input format. Immutable.
 */
public interface InputRow {
  long getTimestampFromEpoch();

  /** The names of the dimensions to index for this row, in order. */
  List<String> getDimensions();

  /** The raw value of a column: String, Number, Boolean, List, Map, or null if absent. */
  Object getRaw(String column);
}
