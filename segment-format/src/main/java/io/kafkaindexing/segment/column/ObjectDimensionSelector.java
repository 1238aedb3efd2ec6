package io.kafkaindexing.segment.column;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link DimensionSelector} without a dictionary over any {@link ColumnValueSelector}: each value
 * of the current row gets the id of its position in the row, and its name is the value as a string
 * ({@code String.valueOf}: a long 5 is {@code "5"}, a double {@code "5.0"}). Not thread-safe.
 */
public final class ObjectDimensionSelector implements DimensionSelector, IndexedInts {
  private final ColumnValueSelector delegate;
  private final List<String> current = new ArrayList<>(1);

  public ObjectDimensionSelector(ColumnValueSelector delegate) {
    this.delegate = delegate;
  }

  @Override
  public IndexedInts getRow() {
    current.clear();
    Object value = delegate.getObject();
    if (value instanceof List<?> list && !list.isEmpty()) {
      for (Object v : list) {
        current.add(v == null ? null : String.valueOf(v));
      }
    } else {
      current.add(value == null || value instanceof List<?> ? null : String.valueOf(value));
    }
    return this;
  }

  @Override
  public int size() {
    return current.size();
  }

  @Override
  public int get(int index) {
    return index;
  }

  @Override
  public int getValueCardinality() {
    return CARDINALITY_UNKNOWN;
  }

  @Override
  public String lookupName(int id) {
    return current.get(id);
  }

  @Override
  public boolean nameLookupPossibleInAdvance() {
    return false;
  }

  @Override
  public long getLong() {
    return delegate.getLong();
  }

  @Override
  public double getDouble() {
    return delegate.getDouble();
  }

  @Override
  public float getFloat() {
    return delegate.getFloat();
  }

  @Override
  public boolean isNull() {
    return delegate.isNull();
  }

  @Override
  public Object getObject() {
    getRow();
    return current.size() == 1 ? current.get(0) : new ArrayList<>(current);
  }
}
