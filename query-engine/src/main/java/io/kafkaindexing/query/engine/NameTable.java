package io.kafkaindexing.query.engine;

/**
 * Slot numbers of string values (null allowed) by equality: an open-addressing hash table on
 * {@code String.hashCode} (cached in the strings of segment dictionaries), for merges that fold
 * groups of many segments by dimension value without a map entry and a boxed integer per value;
 * values may be removed (a topN merge forgets the values its cuts drop). Not thread-safe.
 */
public final class NameTable {
  private String[] keys;
  private int[] hashes;
  /** Slot + 1 per table position; 0 is empty. */
  private int[] slots;
  private int mask;
  private int shift;
  private int size;
  private int nullSlot = -1;

  public NameTable(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
    keys = new String[capacity];
    hashes = new int[capacity];
    slots = new int[capacity];
    mask = capacity - 1;
    shift = Integer.numberOfLeadingZeros(capacity) + 1;
  }

  /** Fibonacci hashing: the high bits of the product, so that every bit of the hash counts. */
  private int index(int h) {
    return (h * 0x9E3779B9) >>> shift;
  }

  /** The slot of {@code name}, or -1. */
  public int get(String name) {
    if (name == null) {
      return nullSlot;
    }
    int h = name.hashCode();
    for (int i = index(h); ; i = (i + 1) & mask) {
      int s = slots[i];
      if (s == 0) {
        return -1;
      }
      if (hashes[i] == h && name.equals(keys[i])) {
        return s - 1;
      }
    }
  }

  /** Records {@code name} (not present yet) at {@code slot}. */
  public void put(String name, int slot) {
    if (name == null) {
      nullSlot = slot;
      return;
    }
    if (2 * (size + 1) > keys.length) {
      rehash();
    }
    insert(name, name.hashCode(), slot + 1);
    size++;
  }

  /**
   * Forgets {@code name} (present). Linear probing without tombstones: the entries after it in its
   * run move back when their home position allows, so lookups stay as short as without removals.
   */
  public void remove(String name) {
    if (name == null) {
      nullSlot = -1;
      return;
    }
    int h = name.hashCode();
    int hole = index(h);
    while (hashes[hole] != h || !name.equals(keys[hole])) {
      if (slots[hole] == 0) {
        throw new IllegalStateException("value[" + name + "] is not in the table");
      }
      hole = (hole + 1) & mask;
    }
    for (int i = (hole + 1) & mask; slots[i] != 0; i = (i + 1) & mask) {
      int home = index(hashes[i]);
      // The entry at i may fill the hole unless its home lies cyclically in (hole, i].
      boolean staysPut = hole <= i ? hole < home && home <= i : hole < home || home <= i;
      if (!staysPut) {
        keys[hole] = keys[i];
        hashes[hole] = hashes[i];
        slots[hole] = slots[i];
        hole = i;
      }
    }
    keys[hole] = null;
    slots[hole] = 0;
    size--;
  }

  private void insert(String name, int h, int slotPlusOne) {
    int i = index(h);
    while (slots[i] != 0) {
      i = (i + 1) & mask;
    }
    keys[i] = name;
    hashes[i] = h;
    slots[i] = slotPlusOne;
  }

  private void rehash() {
    String[] oldKeys = keys;
    int[] oldHashes = hashes;
    int[] oldSlots = slots;
    int capacity = oldKeys.length * 2;
    keys = new String[capacity];
    hashes = new int[capacity];
    slots = new int[capacity];
    mask = capacity - 1;
    shift = Integer.numberOfLeadingZeros(capacity) + 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldSlots[i] != 0) {
        insert(oldKeys[i], oldHashes[i], oldSlots[i]);
      }
    }
  }

  @Override
  public String toString() {
    return "NameTable{size=" + (size + (nullSlot >= 0 ? 1 : 0)) + ", capacity=" + keys.length + "}";
  }
}
