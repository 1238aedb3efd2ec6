package io.kafkaindexing.segment.read;

/** Reserved column names, as Druid names them. */
public final class ColumnNames {
  /** The row time column (epoch millis, truncated to the query granularity). */
  public static final String TIME = "__time";

  private ColumnNames() {}
}
