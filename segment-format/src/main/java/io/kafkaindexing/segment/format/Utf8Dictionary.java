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
