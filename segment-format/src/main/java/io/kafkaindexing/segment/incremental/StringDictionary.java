package io.kafkaindexing.segment.incremental;

import java.util.Arrays;

/**
 * Assigns dense ids to the values of one string dimension in arrival order; null is a value of its
 * own (with an id once some row is null). Values sit in an array by id; the lookup by value is an
 * open-addressing table of ids with the values' hashes beside them, so a lookup compares hashes in
 * an int array and touches a value only on a hash match (a {@code HashMap<String, Integer>} went
 * through a node and a boxed id per lookup: 16% of the add path in {@code IngestHotPathBench}).
 * Not thread-safe: guarded by the index's lock.
 */
final class StringDictionary {
  /** Rough heap cost of one new entry besides the characters: String, table slots, array slot. */
  private static final int ENTRY_OVERHEAD_BYTES = 40 + 48 + 16 + 8;

  private String[] values = new String[16];
  private int size;
  /** Id + 1 per slot (0: empty), for the non-null values. */
  private int[] slots = new int[32];
  private int[] hashes = new int[32];
  private int nonNullCount;
  private int nullId = -1;

  /** The id of {@code value}, assigned if new. */
  int add(String value) {
    if (value == null) {
      if (nullId < 0) {
        nullId = append(null);
      }
      return nullId;
    }
    int hash = value.hashCode();
    int mask = slots.length - 1;
    int i = spread(hash) & mask;
    for (int slot; (slot = slots[i]) != 0; i = (i + 1) & mask) {
      if (hashes[i] == hash && value.equals(values[slot - 1])) {
        return slot - 1;
      }
    }
    int id = append(value);
    slots[i] = id + 1;
    hashes[i] = hash;
    if (2 * ++nonNullCount > slots.length) {
      grow();
    }
    return id;
  }

  private int append(String value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size] = value;
    return size++;
  }

  private void grow() {
    int[] oldSlots = slots;
    int[] oldHashes = hashes;
    slots = new int[oldSlots.length * 2];
    hashes = new int[oldSlots.length * 2];
    int mask = slots.length - 1;
    for (int j = 0; j < oldSlots.length; j++) {
      if (oldSlots[j] != 0) {
        int i = spread(oldHashes[j]) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = oldSlots[j];
        hashes[i] = oldHashes[j];
      }
    }
  }

  private static int spread(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** The id of {@code value}, or -1. */
  int getId(String value) {
    if (value == null) {
      return nullId;
    }
    int hash = value.hashCode();
    int mask = slots.length - 1;
    for (int i = spread(hash) & mask, slot; (slot = slots[i]) != 0; i = (i + 1) & mask) {
      if (hashes[i] == hash && value.equals(values[slot - 1])) {
        return slot - 1;
      }
    }
    return -1;
  }

  String getValue(int id) {
    if (id < 0 || id >= size) {
      throw new IndexOutOfBoundsException("Index " + id + " out of bounds for length " + size);
    }
    return values[id];
  }

  int size() {
    return size;
  }

  /** The id of null, or -1 when no row is null. */
  int nullId() {
    return nullId;
  }

  static long estimateEntryBytes(String value) {
    return ENTRY_OVERHEAD_BYTES + (value == null ? 0 : 2L * value.length());
  }
}
