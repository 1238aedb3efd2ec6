package io.kafkaindexing.indexing.input.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fastest path of the {@code json} format: a hand-written reader of records made of flat JSON
 * objects in plain ASCII, the shape of most stream records ({@code {"time": "...", "url": "...",
 * "latencyMs": 57}}). It reads strictly standard JSON and only: strings without escapes or control
 * characters, integers of at most 18 digits (read as {@link Long}), other numbers as {@link Double}
 * ({@link Double#parseDouble}, as Jackson), booleans, null, and arrays of those; objects separated
 * by whitespace. Anything else (an escape, a byte beyond ASCII, a nested object, a longer integer,
 * a repeated name, anything a parser feature would be needed for, a syntax error) returns null and
 * the caller reads the record with Jackson ({@link FlatJsonReader}, then the tree path), so rows,
 * errors and messages are Jackson's. The rows equal those of {@link FlatJsonReader} (checked on
 * random records by {@code FlatJsonReaderTest}). Creating a Jackson parser per record and its token
 * machinery took about half of the streaming path in the 2,000,000-row bench (docs/benchmarks.md).
 * Stateless and thread-safe.
 */
final class AsciiFlatJson {
  private static final int MAX_LONG_DIGITS = 18;
  /** Longer records go to Jackson, whose read constraints (e.g. 50,000-character names) they might meet. */
  private static final int MAX_RECORD_BYTES = 32 * 1024;
  /** Longer numbers go to Jackson (its limit is 1,000 characters). */
  private static final int MAX_NUMBER_CHARS = 100;
  /** Marks a value this reader does not handle. */
  private static final Object UNHANDLED = new Object();

  private final byte[] in;
  private final FieldNames names;
  private int pos;

  private AsciiFlatJson(byte[] in, FieldNames names) {
    this.in = in;
    this.names = names;
  }

  /**
   * The rows of {@code value}, or null when it is not a record of flat ASCII objects; field names
   * recurring across records are shared through {@code names}.
   */
  static List<Map<String, Object>> read(byte[] value, boolean keepNullColumns, FieldNames names) {
    if (value.length > MAX_RECORD_BYTES) {
      return null;
    }
    return new AsciiFlatJson(value, names).rows(keepNullColumns);
  }

  private List<Map<String, Object>> rows(boolean keepNullColumns) {
    List<Map<String, Object>> rows = null;
    skipWhitespace();
    while (pos < in.length) {
      if (in[pos] != '{') {
        return null;
      }
      pos++;
      Map<String, Object> row = object(keepNullColumns);
      if (row == null) {
        return null;
      }
      if (rows == null) {
        rows = new ArrayList<>(1);
      }
      rows.add(row);
      skipWhitespace();
    }
    return rows;
  }

  /** The members of an object whose '{' was just read, up to and including its '}'; null if unhandled. */
  private Map<String, Object> object(boolean keepNullColumns) {
    FlatRowMap row = new FlatRowMap();
    boolean sawNull = false;
    skipWhitespace();
    if (pos < in.length && in[pos] == '}') {
      pos++;
      return row;
    }
    while (true) {
      skipWhitespace();
      String name = pos < in.length && in[pos] == '"' ? string(true) : null;
      if (name == null || !expect(':')) {
        return null;
      }
      skipWhitespace();
      Object value = pos < in.length && in[pos] == '[' ? array() : scalar();
      if (value == UNHANDLED) {
        return null;
      }
      sawNull |= value == null;
      int size = row.size();
      row.put(name, value);
      if (row.size() == size) {
        return null; // a repeated name: left to Jackson's rules
      }
      skipWhitespace();
      if (pos >= in.length) {
        return null;
      }
      byte b = in[pos++];
      if (b == '}') {
        break;
      }
      if (b != ',') {
        return null;
      }
    }
    if (sawNull && !keepNullColumns) {
      row.values().removeIf(Objects::isNull);
    }
    return row.size() > FlatRowMap.MAX_FIELDS ? new LinkedHashMap<>(row) : row;
  }

  /** An array of scalars at '[', as a list; UNHANDLED otherwise. */
  private Object array() {
    pos++;
    List<Object> list = new ArrayList<>();
    skipWhitespace();
    if (pos < in.length && in[pos] == ']') {
      pos++;
      return list;
    }
    while (true) {
      skipWhitespace();
      Object element = scalar();
      if (element == UNHANDLED) {
        return UNHANDLED;
      }
      list.add(element);
      skipWhitespace();
      if (pos >= in.length) {
        return UNHANDLED;
      }
      byte b = in[pos++];
      if (b == ']') {
        return list;
      }
      if (b != ',') {
        return UNHANDLED;
      }
    }
  }

  private Object scalar() {
    if (pos >= in.length) {
      return UNHANDLED;
    }
    byte b = in[pos];
    if (b == '"') {
      String s = string(false);
      return s == null ? UNHANDLED : s;
    }
    if (b == '-' || (b >= '0' && b <= '9')) {
      return number();
    }
    if (literal("true")) {
      return Boolean.TRUE;
    }
    if (literal("false")) {
      return Boolean.FALSE;
    }
    if (literal("null")) {
      return null;
    }
    return UNHANDLED;
  }

  /**
   * A string at '"' without escapes, control characters or non-ASCII bytes; else null. A field
   * name is looked up in {@link #names} by {@link String#hashCode}'s hash, computed on the way
   * (the bytes are the chars).
   */
  private String string(boolean name) {
    int start = ++pos;
    int hash = 0;
    while (pos < in.length) {
      byte b = in[pos];
      if (b == '"') {
        String s;
        if (name) {
          s = names.of(in, start, pos - start, hash);
        } else {
          s = new String(in, start, pos - start, StandardCharsets.ISO_8859_1);
          // Values mostly end up as dictionary keys on the task thread: hashing them here, while
          // their bytes are in this (parse) thread's cache, leaves the task thread a cached hash.
          s.hashCode();
        }
        pos++;
        return s;
      }
      if (b < 0x20 || b == '\\') { // bytes beyond ASCII are negative
        return null;
      }
      hash = 31 * hash + b; // for names (String has no way to take a hash computed outside)
      pos++;
    }
    return null;
  }

  /** A JSON number (no leading zeros, digits after '.' and 'e'); Long if integral and short. */
  private Object number() {
    int start = pos;
    if (in[pos] == '-') {
      pos++;
    }
    int intStart = pos;
    if (!digits()) {
      return UNHANDLED;
    }
    int intDigits = pos - intStart;
    if (intDigits > 1 && in[intStart] == '0') {
      return UNHANDLED;
    }
    boolean integral = true;
    if (pos < in.length && in[pos] == '.') {
      pos++;
      integral = false;
      if (!digits()) {
        return UNHANDLED;
      }
    }
    if (pos < in.length && (in[pos] == 'e' || in[pos] == 'E')) {
      pos++;
      integral = false;
      if (pos < in.length && (in[pos] == '+' || in[pos] == '-')) {
        pos++;
      }
      if (!digits()) {
        return UNHANDLED;
      }
    }
    if ((pos < in.length && !isDelimiter(in[pos])) || pos - start > MAX_NUMBER_CHARS) {
      return UNHANDLED;
    }
    if (integral) {
      if (intDigits > MAX_LONG_DIGITS) {
        return UNHANDLED;
      }
      long v = 0;
      for (int i = intStart; i < pos; i++) {
        v = v * 10 + (in[i] - '0');
      }
      return in[start] == '-' ? -v : v;
    }
    return Double.parseDouble(new String(in, start, pos - start, StandardCharsets.ISO_8859_1));
  }

  /** Reads one or more digits; false if there is none. */
  private boolean digits() {
    int start = pos;
    while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
      pos++;
    }
    return pos > start;
  }

  private boolean literal(String word) {
    int end = pos + word.length();
    if (end > in.length || (end < in.length && !isDelimiter(in[end]))) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (in[pos + i] != word.charAt(i)) {
        return false;
      }
    }
    pos = end;
    return true;
  }

  private boolean expect(char c) {
    skipWhitespace();
    if (pos < in.length && in[pos] == c) {
      pos++;
      return true;
    }
    return false;
  }

  private static boolean isDelimiter(byte b) {
    return b == ',' || b == '}' || b == ']' || b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }

  private void skipWhitespace() {
    while (pos < in.length) {
      byte b = in[pos];
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return;
      }
      pos++;
    }
  }
}
