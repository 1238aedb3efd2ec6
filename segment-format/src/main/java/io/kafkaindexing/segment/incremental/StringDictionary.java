package io.kafkaindexing.segment.incremental;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Assigns dense ids to the values of one string dimension in arrival order; null is a value of its
 * own (with an id once some row is null). Not thread-safe: guarded by the index's lock.
 */
final class StringDictionary {
  /** Rough heap cost of one new entry besides the characters: String, map node, boxed id, list slot. */
  private static final int ENTRY_OVERHEAD_BYTES = 40 + 48 + 16 + 8;

  private final Map<String, Integer> idByValue = new HashMap<>();
  private final List<String> values = new ArrayList<>();
  private int nullId = -1;

  /** The id of {@code value}, assigned if new. */
  int add(String value) {
    if (value == null) {
      if (nullId < 0) {
        nullId = values.size();
        values.add(null);
      }
      return nullId;
    }
    Integer id = idByValue.get(value);
    if (id == null) {
      id = values.size();
      idByValue.put(value, id);
      values.add(value);
    }
    return id;
  }

  /** The id of {@code value}, or -1. */
  int getId(String value) {
    if (value == null) {
      return nullId;
    }
    Integer id = idByValue.get(value);
    return id == null ? -1 : id;
  }

  String getValue(int id) {
    return values.get(id);
  }

  int size() {
    return values.size();
  }

  /** The id of null, or -1 when no row is null. */
  int nullId() {
    return nullId;
  }

  static long estimateEntryBytes(String value) {
    return ENTRY_OVERHEAD_BYTES + (value == null ? 0 : 2L * value.length());
  }
}
