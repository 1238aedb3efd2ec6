package io.kafkaindexing.segment.format;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The dictionary of a string column, Druid's default {@code utf8} encoding: a sorted
 * {@link GenericIndexed} (version byte 0x01 or 0x02) of UTF-8 values, null (when some row is null)
 * first as a null element, then values in Java {@code String} order (UTF-16 code units), so
 * {@code ""} comes right after null. Front-coded dictionaries (other version bytes) are refused by
 * name. Values are decoded on first use and cached. Thread-safe.
 */
public final class Utf8Dictionary {
  private static final Comparator<String> ORDER = Comparator.nullsFirst(Comparator.naturalOrder());
  private static final Object NULL = new Object();

  private final GenericIndexed values;
  private final AtomicReferenceArray<Object> cache;
  /** All values' UTF-8 bytes back to back, made on first {@link #containsAsciiCandidates} call. */
  private volatile Flat flat;

  /** Value {@code i} is {@code bytes[ends[i - 1], ends[i])} ({@code ends[-1] = 0}); null values have no bytes. */
  private record Flat(byte[] bytes, int[] ends, boolean[] nullValue, boolean[] ascii) {}

  private Utf8Dictionary(GenericIndexed values) {
    this.values = values;
    this.cache = new AtomicReferenceArray<>(values.size());
  }

  public static Utf8Dictionary read(ByteCursor in, java.util.function.Function<String, ByteCursor> entries) {
    long at = in.fileOffset();
    byte version = in.buffer().get(in.position());
    if (version != GenericIndexed.VERSION_ONE && version != GenericIndexed.VERSION_TWO) {
      throw new CorruptSegmentException(in.file(), at, "string dictionary has version[" + version
          + "]: only the utf8 (GenericIndexed) encoding is supported, not front-coded");
    }
    GenericIndexed values = GenericIndexed.read(in, entries);
    Utf8Dictionary dictionary = new Utf8Dictionary(values);
    for (int i = 1; i < values.size(); i++) {
      if (values.get(i) == null) {
        throw new CorruptSegmentException(in.file(), values.fileOffsetOf(i), "dictionary value[" + i
            + "] is null; only the first value may be null");
      }
    }
    return dictionary;
  }

  public int size() {
    return values.size();
  }

  /** The value of {@code id}; null for the null value. */
  public String get(int id) {
    Object v = cache.get(id);
    if (v == null) {
      ByteBuffer bytes = values.get(id);
      v = bytes == null ? NULL : StandardCharsets.UTF_8.decode(bytes).toString();
      cache.set(id, v);
    }
    return v == NULL ? null : (String) v;
  }

  /**
   * The ids, ascending, of the values that may contain {@code needle} (ASCII only) — case-sensitively,
   * or ignoring the case of ASCII letters — found by scanning the UTF-8 bytes without decoding:
   * every ASCII value that contains it, and every value with a non-ASCII byte (Unicode case rules
   * fold some non-ASCII characters to ASCII letters, so those are left to the caller). Null values
   * are never candidates. A caller testing each candidate's decoded value gets exactly the values a
   * test of every value would give.
   *
   * @throws IllegalArgumentException if {@code needle} is not ASCII
   */
  public int[] containsAsciiCandidates(String needle, boolean ignoreCase) {
    byte[] n = new byte[needle.length()];
    for (int i = 0; i < n.length; i++) {
      char c = needle.charAt(i);
      if (c >= 0x80) {
        throw new IllegalArgumentException("needle is not ASCII");
      }
      n[i] = ignoreCase ? fold((byte) c) : (byte) c;
    }
    Flat f = flat();
    byte[] bytes = f.bytes();
    int[] ends = f.ends();
    int[] out = new int[16];
    int found = 0;
    int m = n.length;
    for (int id = 0, from = 0; id < ends.length; from = ends[id], id++) {
      if (f.nullValue()[id]) {
        continue;
      }
      int to = ends[id];
      boolean candidate;
      if (!f.ascii()[id] || m == 0) {
        candidate = true;
      } else {
        candidate = false;
        byte first = n[0];
        byte last = n[m - 1];
        for (int i = from, end = to - m; i <= end && !candidate; i++) {
          // first and last byte of the needle before the rest
          if ((ignoreCase ? fold(bytes[i]) : bytes[i]) != first
              || (ignoreCase ? fold(bytes[i + m - 1]) : bytes[i + m - 1]) != last) {
            continue;
          }
          int k = 1;
          while (k < m - 1 && (ignoreCase ? fold(bytes[i + k]) : bytes[i + k]) == n[k]) {
            k++;
          }
          candidate = k >= m - 1;
        }
      }
      if (candidate) {
        if (found == out.length) {
          out = java.util.Arrays.copyOf(out, found * 2);
        }
        out[found++] = id;
      }
    }
    return java.util.Arrays.copyOf(out, found);
  }

  private static byte fold(byte b) {
    return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
  }

  private Flat flat() {
    Flat f = flat;
    if (f == null) {
      int n = values.size();
      int[] ends = new int[n];
      boolean[] nulls = new boolean[n];
      boolean[] ascii = new boolean[n];
      java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
      for (int i = 0; i < n; i++) {
        ByteBuffer b = values.get(i);
        if (b == null) {
          nulls[i] = true;
        } else {
          byte[] copy = new byte[b.remaining()];
          b.duplicate().get(copy);
          all.writeBytes(copy);
          boolean plain = true;
          for (byte x : copy) {
            plain &= x >= 0;
          }
          ascii[i] = plain;
        }
        ends[i] = all.size();
      }
      f = new Flat(all.toByteArray(), ends, nulls, ascii);
      flat = f;
    }
    return f;
  }

  /** The id of {@code value} (null allowed), or -1. */
  public int indexOf(String value) {
    int lo = 0;
    int hi = size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = ORDER.compare(get(mid), value);
      if (c == 0) {
        return mid;
      }
      if (c < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return -1;
  }

  /** The GenericIndexed bytes of sorted, distinct {@code sortedValues} (null allowed first). */
  public static byte[] write(List<String> sortedValues) {
    List<byte[]> bytes = new ArrayList<>(sortedValues.size());
    for (String v : sortedValues) {
      bytes.add(v == null ? null : v.getBytes(StandardCharsets.UTF_8));
    }
    return GenericIndexed.write(bytes, true);
  }

  /** The dictionary order: nulls first, then Java String order. */
  public static Comparator<String> order() {
    return ORDER;
  }
}
