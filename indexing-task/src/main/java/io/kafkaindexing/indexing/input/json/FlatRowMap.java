package io.kafkaindexing.indexing.input.json;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The fields of one flat record as a {@link Map} in insertion order, held in two parallel arrays
 * (names, values) found by a linear scan: a record of a few fields costs the map and one values
 * array instead of a {@link java.util.LinkedHashMap}'s table and one entry per field (about 300
 * bytes a row in the bench, the largest allocation of the parse thread). Equal to, hashed and
 * printed like any map with the same entries; for the few fields of a stream record a scan
 * comparing cached hashes first is as fast as a hash lookup. {@link AsciiFlatJson} hands records
 * of more than {@link #MAX_FIELDS} fields over as a {@code LinkedHashMap}. Not thread-safe.
 */
final class FlatRowMap extends AbstractMap<String, Object> {
  /** Records with more fields go to a hash map (a scan per lookup would grow with them). */
  static final int MAX_FIELDS = 16;

  private String[] names = new String[8];
  private Object[] values = new Object[8];
  private int size;

  @Override
  public int size() {
    return size;
  }

  @Override
  public Object get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : values[i];
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public Object put(String key, Object value) {
    int i = indexOf(key);
    if (i >= 0) {
      Object old = values[i];
      values[i] = value;
      return old;
    }
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    names[size] = key;
    values[size++] = value;
    return null;
  }

  @Override
  public Object remove(Object key) {
    int i = indexOf(key);
    if (i < 0) {
      return null;
    }
    Object old = values[i];
    removeAt(i);
    return old;
  }

  @Override
  public void clear() {
    Arrays.fill(names, 0, size, null);
    Arrays.fill(values, 0, size, null);
    size = 0;
  }

  private int indexOf(Object key) {
    if (!(key instanceof String k)) {
      return -1;
    }
    int hash = k.hashCode();
    for (int i = 0; i < size; i++) {
      String name = names[i];
      if (name == k || (name.hashCode() == hash && name.equals(k))) {
        return i;
      }
    }
    return -1;
  }

  private void removeAt(int i) {
    int moved = size - i - 1;
    System.arraycopy(names, i + 1, names, i, moved);
    System.arraycopy(values, i + 1, values, i, moved);
    size--;
    names[size] = null;
    values[size] = null;
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Map.Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;
          private int last = -1;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Map.Entry<String, Object> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            last = next++;
            return new Field(last);
          }

          @Override
          public void remove() {
            if (last < 0) {
              throw new IllegalStateException();
            }
            removeAt(last);
            next = last;
            last = -1;
          }
        };
      }
    };
  }

  /** One field, reading and writing through to the arrays at its position. */
  private final class Field implements Map.Entry<String, Object> {
    private final int index;

    Field(int index) {
      this.index = index;
    }

    @Override
    public String getKey() {
      return names[index];
    }

    @Override
    public Object getValue() {
      return values[index];
    }

    @Override
    public Object setValue(Object value) {
      Object old = values[index];
      values[index] = value;
      return old;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Map.Entry<?, ?> e && getKey().equals(e.getKey()) && Objects.equals(getValue(), e.getValue());
    }

    @Override
    public int hashCode() {
      return getKey().hashCode() ^ Objects.hashCode(getValue());
    }

    @Override
    public String toString() {
      return getKey() + "=" + getValue();
    }
  }
}
