package io.kafkaindexing.indexing.input.json;

import java.nio.charset.StandardCharsets;

/**
 * One shared {@link String} per ASCII string that recurs in a stream's records (field names and
 * low-cardinality values such as urls or user names), found by the hash {@link AsciiFlatJson}
 * computes while it scans the bytes. A row then holds strings whose {@link String#hashCode} is
 * already cached and that are the very instances a dimension dictionary holds, so the row map and
 * the dictionary neither hash nor compare characters again; a new {@code String} per value and
 * hashing it in the dictionary took 10% of the task thread in the 2,000,000-row bench.
 *
 * <p>A direct-mapped table: a slot holds one string and admits a new one only when it misses twice
 * in a row with the same hash, so values seen once (timestamps, ids) do not evict recurring ones.
 * Strings longer than {@value #MAX_LENGTH} characters are not kept. Thread-safe without locks:
 * slots are written racily, which is safe because a {@code String} is immutable (its final fields
 * are seen initialised through any reference) and a stale or lost slot only costs a miss.
 */
final class RepeatedStrings {
  static final int MAX_LENGTH = 64;
  private static final int SLOTS = 1 << 14;

  private final String[] strings = new String[SLOTS];
  /** Per slot, the hash of the last string that missed there (a candidate for admission). */
  private final int[] candidates = new int[SLOTS];

  /**
   * The string of the ASCII bytes {@code in[start, start + length)}, whose {@link String#hashCode}
   * is {@code hash}: the kept instance if there is one, else a new string.
   */
  String of(byte[] in, int start, int length, int hash) {
    if (length > MAX_LENGTH) {
      return new String(in, start, length, StandardCharsets.ISO_8859_1);
    }
    int slot = (hash ^ (hash >>> 14)) & (SLOTS - 1);
    String kept = strings[slot];
    if (kept != null && kept.hashCode() == hash && sameChars(kept, in, start, length)) {
      return kept;
    }
    String s = new String(in, start, length, StandardCharsets.ISO_8859_1);
    if (candidates[slot] == hash) {
      strings[slot] = s;
    } else {
      candidates[slot] = hash;
    }
    return s;
  }

  private static boolean sameChars(String s, byte[] in, int start, int length) {
    if (s.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (s.charAt(i) != in[start + i]) {
        return false;
      }
    }
    return true;
  }
}
