package io.kafkaindexing.indexing.input.json;

import java.nio.charset.StandardCharsets;

/**
 * One shared {@link String} per field name that recurs in a stream's records, found by the hash
 * {@link AsciiFlatJson} computes while it scans the name's bytes: a row map then gets keys whose
 * {@link String#hashCode} is cached instead of a new string to allocate and hash per field and
 * row. Names only: sharing values too (10,000 users) made the ingest benchmark slower, their
 * shared strings being cold in cache by the time they recur, while a stream has few names.
 *
 * <p>A small direct-mapped table: a slot holds one name and admits a new one only when it misses
 * twice in a row with the same hash, so names seen once do not evict recurring ones. Names longer
 * than {@value #MAX_LENGTH} characters are not kept. Thread-safe without locks: slots are written
 * racily, which is safe because a {@code String} is immutable (its final fields are seen
 * initialised through any reference) and a stale or lost slot only costs a miss.
 */
final class FieldNames {
  static final int MAX_LENGTH = 64;
  private static final int SLOTS = 256;

  private final String[] strings = new String[SLOTS];
  /**
   * The names of the last record whose names differed from the shape before, in order: records
   * with the same names share this array ({@link FlatRowMap}). Never written once set (and
   * published through a volatile field); replaced racily (a stale shape only costs a copy).
   */
  private volatile String[] shape;

  /** The field names, in order, of a recent record (shared, read-only), or null. */
  String[] shape() {
    return shape;
  }

  /** Records' names from now on look like {@code names} (which is not written again). */
  void setShape(String[] names) {
    shape = names;
  }
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
    int slot = (hash ^ (hash >>> 8) ^ (hash >>> 16)) & (SLOTS - 1);
    String kept = strings[slot];
    if (kept != null && kept.hashCode() == hash && sameChars(kept, in, start, length)) {
      return kept;
    }
    String s = new String(in, start, length, StandardCharsets.ISO_8859_1);
    if (candidates[slot] == hash) {
      s.hashCode(); // cached before it is shared
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
