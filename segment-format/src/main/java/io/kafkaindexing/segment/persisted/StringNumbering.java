package io.kafkaindexing.segment.persisted;

import java.util.Arrays;

/**
 * Numbers distinct non-null strings in order of first appearance (0, 1, ...): an open-addressing
 * table of ids over the strings' cached hash codes, so a lookup compares references first and
 * boxes nothing. Not thread-safe.
 */
final class StringNumbering {
  private String[] values = new String[64];
  private int[] hashes = new int[64];
  /** id + 1 per slot, 0 for an empty slot; its length a power of two at least twice the size. */
  private int[] slots = new int[128];
  private int size;

  /** The id of {@code value}, numbering it if it is new. */
  int id(String value) {
    int hash = value.hashCode();
    int mask = slots.length - 1;
    for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
      int slot = slots[i];
      if (slot == 0) {
        return add(value, hash, i);
      }
      String v = values[slot - 1];
      if (v == value || (hashes[slot - 1] == hash && v.equals(value))) {
        return slot - 1;
      }
    }
  }

  private int add(String value, int hash, int slotIndex) {
    int id = size++;
    if (id == values.length) {
      values = Arrays.copyOf(values, id * 2);
      hashes = Arrays.copyOf(hashes, id * 2);
    }
    values[id] = value;
    hashes[id] = hash;
    slots[slotIndex] = id + 1;
    if (size * 2 > slots.length) {
      rehash();
    }
    return id;
  }

  private void rehash() {
    slots = new int[slots.length * 2];
    int mask = slots.length - 1;
    for (int id = 0; id < size; id++) {
      int i = spread(hashes[id]) & mask;
      while (slots[i] != 0) {
        i = (i + 1) & mask;
      }
      slots[i] = id + 1;
    }
  }

  private static int spread(int hash) {
    return hash * 0x9E3779B9 ^ hash >>> 16;
  }

  int size() {
    return size;
  }

  /** The string numbered {@code id}. */
  String value(int id) {
    return values[id];
  }

  /** The numbered strings, by id (a copy). */
  String[] values() {
    return Arrays.copyOf(values, size);
  }
}
