package io.kafkaindexing.segment.incremental;

import io.kafkaindexing.segment.column.DimensionSelector;
import io.kafkaindexing.segment.column.IndexedInts;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a string dimension of the row a cursor points at, with the dimension's dictionary. A null
 * row value reads as the dictionary's null id. Not thread-safe; valid while the view is open.
 */
final class StringRowSelector implements DimensionSelector {
  private final RowPointer rows;
  private final int position;
  private final StringDictionary dictionary;
  private final Ids ids = new Ids();

  StringRowSelector(RowPointer rows, int position, StringDictionary dictionary) {
    this.rows = rows;
    this.position = position;
    this.dictionary = dictionary;
  }

  @Override
  public IndexedInts getRow() {
    Object encoded = rows.dim(position);
    ids.set(encoded == null ? null : (int[]) encoded, dictionary.nullId());
    return ids;
  }

  @Override
  public int getValueCardinality() {
    return dictionary.size();
  }

  @Override
  public String lookupName(int id) {
    return dictionary.getValue(id);
  }

  @Override
  public boolean nameLookupPossibleInAdvance() {
    return true;
  }

  @Override
  public Object getObject() {
    Object encoded = rows.dim(position);
    if (encoded == null) {
      return null;
    }
    int[] valueIds = (int[]) encoded;
    if (valueIds.length == 1) {
      return dictionary.getValue(valueIds[0]);
    }
    List<String> values = new ArrayList<>(valueIds.length);
    for (int id : valueIds) {
      values.add(dictionary.getValue(id));
    }
    return values;
  }

  private Number number() {
    Object value = getObject();
    if (!(value instanceof String s)) {
      return null;
    }
    try {
      return Values.toNumber(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public boolean isNull() {
    return number() == null;
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

  /** The ids of one row; the null id stands for a null row. */
  private static final class Ids implements IndexedInts {
    private int[] values;
    private int nullId;

    void set(int[] values, int nullId) {
      this.values = values;
      this.nullId = nullId;
    }

    @Override
    public int size() {
      return values == null ? 1 : values.length;
    }

    @Override
    public int get(int index) {
      if (values == null) {
        if (index != 0) {
          throw new IndexOutOfBoundsException(index);
        }
        return nullId;
      }
      return values[index];
    }
  }
}
