package io.kafkaindexing.segment.column;

/**
 * A selector whose value is always null (numeric getters 0): what an absent column reads as, at
 * ingestion and in queries. Stateless.
 */
public enum NullColumnValueSelector implements ColumnValueSelector {
  INSTANCE;

  @Override
  public long getLong() {
    return 0L;
  }

  @Override
  public double getDouble() {
    return 0d;
  }

  @Override
  public boolean isNull() {
    return true;
  }

  @Override
  public Object getObject() {
    return null;
  }
}
