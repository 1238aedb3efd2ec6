package io.kafkaindexing.segment.persisted;

import io.kafkaindexing.segment.column.DimensionSelector;
import io.kafkaindexing.segment.column.IndexedInts;
import io.kafkaindexing.segment.format.CompressedVSizeInts;
import io.kafkaindexing.segment.format.DictionaryEncodedColumnPart;
import io.kafkaindexing.segment.format.MultiValueInts;
import io.kafkaindexing.segment.format.Utf8Dictionary;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a persisted string column at the cursor's row: ids through the dictionary. A row with no
 * values (an empty multi-value row) reads as the null value: one id, the dictionary's null id.
 * Numeric getters parse a single value as a number. Not thread-safe.
 */
final class StringColumnSelector implements DimensionSelector, IndexedInts {
  private final PersistedCursor cursor;
  private final Utf8Dictionary dictionary;
  private final CompressedVSizeInts.Reader single;
  private final MultiValueInts.Reader multi;
  private final int nullId;
  private int[] ids = new int[4];
  private int size;
  private int loadedRow = -1;

  StringColumnSelector(PersistedCursor cursor, DictionaryEncodedColumnPart part) {
    this.cursor = cursor;
    this.dictionary = part.dictionary();
    this.single = part.hasMultipleValues() ? null : part.singleValues().reader();
    this.multi = part.hasMultipleValues() ? part.multiValues().reader() : null;
    this.nullId = dictionary.size() > 0 && dictionary.get(0) == null ? 0 : -1;
  }

  private void load() {
    int row = cursor.row();
    if (row == loadedRow) {
      return;
    }
    if (single != null) {
      ids[0] = single.get(row);
      size = 1;
    } else {
      int n = multi.seek(row);
      if (n == 0) {
        ids[0] = nullId;
        size = 1;
      } else {
        if (ids.length < n) {
          ids = new int[Math.max(n, ids.length * 2)];
        }
        for (int i = 0; i < n; i++) {
          ids[i] = multi.get(i);
        }
        size = n;
      }
    }
    loadedRow = row;
  }

  @Override
  public IndexedInts getRow() {
    load();
    return this;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public int get(int index) {
    if (index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    return ids[index];
  }

  @Override
  public int getValueCardinality() {
    return dictionary.size();
  }

  @Override
  public String lookupName(int id) {
    return id < 0 ? null : dictionary.get(id);
  }

  @Override
  public boolean nameLookupPossibleInAdvance() {
    return true;
  }

  /** The dictionary is the immutable one of a persisted column, sorted nulls first then in String order. */
  @Override
  public boolean hasFixedDictionary() {
    return true;
  }

  @Override
  public Object getObject() {
    load();
    if (size == 1) {
      return lookupName(ids[0]);
    }
    List<String> values = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      values.add(lookupName(ids[i]));
    }
    return values;
  }

  private BigDecimal number() {
    Object value = getObject();
    if (!(value instanceof String s) || s.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Override
  public boolean isNull() {
    return number() == null;
  }

  @Override
  public long getLong() {
    BigDecimal n = number();
    return n == null ? 0L : n.longValue();
  }

  @Override
  public double getDouble() {
    BigDecimal n = number();
    return n == null ? 0d : n.doubleValue();
  }
}
