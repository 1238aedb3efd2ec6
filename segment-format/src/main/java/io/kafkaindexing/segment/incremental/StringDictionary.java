package io.kafkaindexing.segment.incremental;

import java.util.Arrays;

/**
 * Assigns dense ids to the values of one string dimension in arrival order; null is a value of its
 * own (with an id once some row is null). Values sit in an array by id; the lookup by value is an
 * open-addressing table of ids with the values' hashes beside them, so a lookup compares hashes in
 * an int array and, on a hash match, the characters of the value with a copy of the candidate's in
 * one shared array ({@link #chars}, by {@link #offsets}): compact and touched by this thread only,
 * so it stays in cache, where comparing with the candidate {@code String} itself went through its
 * object and its byte array, two cache misses per row and dimension (a third of the task thread's
 * time in the bench; a {@code HashMap<String, Integer>} before that went through a node and a boxed
 * id per lookup). Not thread-safe: guarded by the index's lock.
 */
final class StringDictionary {
  /**
   * Rough heap cost of one new entry besides the characters: String, table slots, array slot,
   * offset.
   */
  private static final int ENTRY_OVERHEAD_BYTES = 40 + 48 + 16 + 8 + 4;

  private String[] values = new String[16];
  private int size;
  /** Id + 1 per slot (0: empty), for the non-null values. */
  private int[] slots = new int[32];
  private int[] hashes = new int[32];
  private int nonNullCount;
  private int nullId = -1;
  /** The characters of every value in id order (none for null): value {@code id} is {@code [offsets[id], offsets[id + 1])}. */
  private char[] chars = new char[256];
  private int[] offsets = new int[17];

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
      if (hashes[i] == hash && sameChars(value, slot - 1)) {
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

  /** Whether {@code value} has the characters of value {@code id}. */
  private boolean sameChars(String value, int id) {
    int from = offsets[id];
    int length = value.length();
    if (offsets[id + 1] - from != length) {
      return false;
    }
    char[] c = chars;
    for (int k = 0; k < length; k++) {
      if (value.charAt(k) != c[from + k]) {
        return false;
      }
    }
    return true;
  }

  private int append(String value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
      offsets = Arrays.copyOf(offsets, size * 2 + 1);
    }
    int from = offsets[size];
    int length = value == null ? 0 : value.length();
    if (from + length > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, from + length));
    }
    if (length > 0) {
      value.getChars(0, length, chars, from);
    }
    offsets[size + 1] = from + length;
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
      if (hashes[i] == hash && sameChars(value, slot - 1)) {
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
    return ENTRY_OVERHEAD_BYTES + (value == null ? 0 : 4L * value.length()); // the string's and the copy's
  }
}
