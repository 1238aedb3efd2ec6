package io.kafkaindexing.segment.format;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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

  /**
   * All values' UTF-8 bytes back to back as Latin-1 strings (one char per byte, for
   * {@link AsciiScan}): value {@code i} is {@code bytes[ends[i - 1], ends[i])} ({@code ends[-1] = 0});
   * null values have no bytes. {@code folded} is {@code bytes} with ASCII capitals in lower case;
   * {@code nonNull} and {@code nonAscii} list those ids ascending.
   */
  private record Flat(String bytes, String folded, int[] ends, boolean[] ascii, int[] nonNull, int[] nonAscii) {}

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
    values.forEach(Math.min(1, values.size()), values.size(), (i, area, offset, length) -> {
      if (length < 0) {
        throw new CorruptSegmentException(in.file(), values.fileOffsetOf(i), "dictionary value[" + i
            + "] is null; only the first value may be null");
      }
    });
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
    if (n.length == 0) {
      return f.nonNull().clone();
    }
    int[] asciiHits = AsciiScan.valuesContaining(ignoreCase ? f.folded() : f.bytes(), f.ends(), f.ascii(),
        new String(n, StandardCharsets.ISO_8859_1));
    return mergeAscending(asciiHits, f.nonAscii());
  }

  /** The union of two ascending, disjoint id lists, ascending. */
  private static int[] mergeAscending(int[] a, int[] b) {
    if (b.length == 0) {
      return a;
    }
    int[] out = new int[a.length + b.length];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < a.length && j < b.length) {
      out[k++] = a[i] < b[j] ? a[i++] : b[j++];
    }
    while (i < a.length) {
      out[k++] = a[i++];
    }
    while (j < b.length) {
      out[k++] = b[j++];
    }
    return out;
  }

  private static byte fold(byte b) {
    return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
  }

  private Flat flat() {
    Flat f = flat;
    if (f == null) {
      int n = values.size();
      int[] ends = new int[n];
      long[] total = {0};
      values.forEach(0, n, (i, area, offset, length) -> total[0] += Math.max(0, length));
      byte[] bytes = new byte[Math.toIntExact(total[0])];
      boolean[] ascii = new boolean[n];
      int[] nonNull = new int[n];
      int[] nonAscii = new int[n];
      int[] counts = {0, 0, 0}; // bytes copied, non-null values, non-ASCII values
      values.forEach(0, n, (i, area, offset, length) -> {
        if (length >= 0) {
          int at = counts[0];
          area.get(offset, bytes, at, length);
          boolean plain = true;
          for (int k = at; k < at + length; k++) {
            plain &= bytes[k] >= 0;
          }
          ascii[i] = plain;
          nonNull[counts[1]++] = i;
          if (!plain) {
            nonAscii[counts[2]++] = i;
          }
          counts[0] += length;
        }
        ends[i] = counts[0];
      });
      byte[] folded = new byte[bytes.length];
      for (int i = 0; i < bytes.length; i++) {
        folded[i] = fold(bytes[i]);
      }
      f = new Flat(new String(bytes, StandardCharsets.ISO_8859_1), new String(folded, StandardCharsets.ISO_8859_1),
          ends, ascii, Arrays.copyOf(nonNull, counts[1]), Arrays.copyOf(nonAscii, counts[2]));
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
