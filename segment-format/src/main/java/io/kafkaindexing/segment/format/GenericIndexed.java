package io.kafkaindexing.segment.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * Druid's {@code GenericIndexed}: a list of byte strings (dictionary values, bitmaps, compressed
 * blocks, complex values), each possibly null. Version 1, all in one place:
 * <pre>
 *   byte     version = 0x01
 *   byte     0x01 when the values are sorted (reverse lookup allowed), else 0x00
 *   int      numBytes: the bytes that follow this field
 *   int      count
 *   int[count] end offsets, relative to the start of the value area, of each value
 *   value area: per value an int marker (-1 = null, 0 = a value, possibly empty) then its bytes
 * </pre>
 * Value {@code i} is the bytes {@code [end(i-1) + 4, end(i))} with {@code end(-1) = 0}.
 * Version 2 (written by Druid only past 2 GiB) keeps the offsets and values in other smoosh
 * entries: {@code byte 0x02, byte sorted, int log2(values per file), int count, int nameLength,
 * name}; entry {@code <name>_header} holds the end offsets (native byte order, restarting per
 * value file) and {@code <name>_value_<n>} the value areas. All ints are big-endian. Immutable
 * once read; thread-safe.
 */
public final class GenericIndexed {
  public static final byte VERSION_ONE = 0x01;
  public static final byte VERSION_TWO = 0x02;
  private static final int NULL_MARKER = -1;

  private final int size;
  private final boolean sorted;
  /** Per value file: its offsets (relative to the file's value area) and value area. */
  private final ByteCursor[] headers;
  private final ByteCursor[] values;
  private final int log2PerFile;

  private GenericIndexed(int size, boolean sorted, ByteCursor[] headers, ByteCursor[] values, int log2PerFile) {
    this.size = size;
    this.sorted = sorted;
    this.headers = headers;
    this.values = values;
    this.log2PerFile = log2PerFile;
  }

  /**
   * Reads a GenericIndexed at {@code in}'s position and moves past it. {@code entries} maps a
   * smoosh entry name to its bytes (for version 2); it may be null when version 2 is not expected.
   */
  public static GenericIndexed read(ByteCursor in, Function<String, ByteCursor> entries) {
    long at = in.fileOffset();
    byte version = in.u8();
    if (version == VERSION_ONE) {
      boolean sorted = in.u8() == 1;
      int numBytes = in.count("GenericIndexed byte count", in.remaining());
      ByteCursor body = in.take(numBytes, "GenericIndexed body");
      int count = body.count("GenericIndexed element count", body.remaining() / 4);
      ByteCursor header = body.take(count * 4, "GenericIndexed offsets");
      ByteCursor area = body.rest();
      validate(header, area, count, 0, count);
      return new GenericIndexed(count, sorted, new ByteCursor[] {header}, new ByteCursor[] {area}, 31);
    }
    if (version == VERSION_TWO) {
      boolean sorted = in.u8() == 1;
      int log2 = in.count("GenericIndexed log2 of values per file", 30);
      int count = in.count("GenericIndexed element count", Integer.MAX_VALUE);
      int nameLength = in.count("GenericIndexed column name length", in.remaining());
      ByteBuffer nameBytes = in.take(nameLength, "GenericIndexed column name").buffer();
      String name = StandardCharsets.UTF_8.decode(nameBytes).toString();
      if (entries == null) {
        throw new CorruptSegmentException(in.file(), at, "GenericIndexed version[2] needs smoosh entries");
      }
      int perFile = 1 << log2;
      int files = (int) ((count + (long) perFile - 1) / perFile);
      ByteCursor allHeaders = entries.apply(name + "_header");
      ByteCursor[] headers = new ByteCursor[files];
      ByteCursor[] areas = new ByteCursor[files];
      for (int f = 0; f < files; f++) {
        int inFile = Math.min(perFile, count - f * perFile);
        headers[f] = allHeaders.take(inFile * 4, "GenericIndexed header of value file " + f);
        areas[f] = entries.apply(name + "_value_" + f);
        validateNative(headers[f], areas[f], inFile);
      }
      return new GenericIndexed(count, sorted, headers, areas, log2);
    }
    throw new CorruptSegmentException(in.file(), at, "GenericIndexed has unknown version[" + version + "]");
  }

  private static void validate(ByteCursor header, ByteCursor area, int count, int from, int to) {
    ByteBuffer h = header.buffer();
    int prev = 0;
    for (int i = from; i < to; i++) {
      int end = h.getInt(i * 4);
      if (end < prev + 4 || end > area.remaining()) {
        throw header.failAt(i * 4, "GenericIndexed end offset[" + end + "] of element[" + i + "] of " + count
            + " is outside [" + (prev + 4) + ", " + area.remaining() + "]");
      }
      prev = end;
    }
  }

  private static void validateNative(ByteCursor header, ByteCursor area, int count) {
    ByteBuffer h = header.buffer().order(ByteOrder.nativeOrder());
    int prev = 0;
    for (int i = 0; i < count; i++) {
      int end = h.getInt(i * 4);
      if (end < prev + 4 || end > area.remaining()) {
        throw header.failAt(i * 4, "GenericIndexed end offset[" + end + "] of element[" + i + "] is outside ["
            + (prev + 4) + ", " + area.remaining() + "]");
      }
      prev = end;
    }
  }

  public int size() {
    return size;
  }

  /** True when the writer declared the values sorted (dictionaries). */
  public boolean isSorted() {
    return sorted;
  }

  /** The bytes of element {@code index} as a big-endian buffer, or null for a null element. */
  public ByteBuffer get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("Index[" + index + "] is outside [0, " + size + ")");
    }
    int file = index >>> log2PerFile;
    int i = index - (file << log2PerFile);
    ByteBuffer h = header(file);
    int start = i == 0 ? 0 : h.getInt((i - 1) * 4);
    int end = h.getInt(i * 4);
    ByteCursor area = values[file];
    if (end == start + 4 && area.buffer().getInt(start) == NULL_MARKER) {
      return null;
    }
    return area.window(start + 4, end - start - 4);
  }

  /** Receives elements from {@link #forEach}. */
  public interface ElementVisitor {
    /**
     * Element {@code index}: {@code length} bytes at {@code offset} of {@code area} (absolute
     * positions; the buffer is shared by the elements of one file and must not be kept), or
     * {@code length} -1 for a null element.
     */
    void element(int index, ByteBuffer area, int offset, int length);
  }

  /**
   * Visits elements {@code [from, to)} in order with one header and one value buffer per file,
   * where {@link #get} makes three buffers per element (a dictionary's checks and scans at load
   * and first search made some 40 MB of them for the bench's 24 segments).
   */
  public void forEach(int from, int to, ElementVisitor visitor) {
    if (from < 0 || to > size || from > to) {
      throw new IndexOutOfBoundsException("Range[" + from + ", " + to + ") is outside [0, " + size + ")");
    }
    int index = from;
    while (index < to) {
      int file = index >>> log2PerFile;
      int fileStart = file << log2PerFile;
      int fileEnd = (int) Math.min(to, (long) fileStart + (1L << log2PerFile));
      ByteBuffer h = header(file);
      ByteBuffer area = values[file].buffer();
      for (; index < fileEnd; index++) {
        int i = index - fileStart;
        int start = i == 0 ? 0 : h.getInt((i - 1) * 4);
        int end = h.getInt(i * 4);
        boolean isNull = end == start + 4 && area.getInt(start) == NULL_MARKER;
        visitor.element(index, area, start + 4, isNull ? -1 : end - start - 4);
      }
    }
  }

  /** Absolute file offset of element {@code index}'s bytes, for error messages. */
  public long fileOffsetOf(int index) {
    int file = index >>> log2PerFile;
    int i = index - (file << log2PerFile);
    ByteBuffer h = header(file);
    int start = i == 0 ? 0 : h.getInt((i - 1) * 4);
    return values[file].fileOffset(start + 4);
  }

  /**
   * The end offsets of value file {@code file}: big-endian in version 1 (one file, log2 31), in the
   * machine's order in version 2. buffer() is a fresh duplicate, so setting its order touches no
   * shared state.
   */
  private ByteBuffer header(int file) {
    ByteBuffer h = headers[file].buffer();
    if (log2PerFile != 31) {
      h.order(ByteOrder.nativeOrder());
    }
    return h;
  }

  public String file() {
    return values.length == 0 ? headers[0].file() : values[0].file();
  }

  /** Version 1 bytes of {@code elements} (null elements allowed), with the given sorted flag; sized up front, written once. */
  public static byte[] write(List<byte[]> elements, boolean sorted) {
    long area = 0;
    for (byte[] e : elements) {
      area += 4 + (e == null ? 0 : e.length);
    }
    long numBytes = 4 + 4L * elements.size() + area;
    if (2 + 4 + numBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("GenericIndexed of " + numBytes + " bytes is too large for one array");
    }
    ByteBuffer out = ByteBuffer.allocate((int) (2 + 4 + numBytes));
    out.put(VERSION_ONE).put((byte) (sorted ? 1 : 0)).putInt((int) numBytes).putInt(elements.size());
    int end = 0;
    for (byte[] e : elements) {
      end += 4 + (e == null ? 0 : e.length);
      out.putInt(end); // offsets past each element in the value area
    }
    for (byte[] e : elements) {
      out.putInt(e == null ? NULL_MARKER : 0);
      if (e != null) {
        out.put(e);
      }
    }
    return out.array();
  }
}
