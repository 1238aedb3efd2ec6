package io.kafkaindexing.segment.format;

import java.nio.ByteBuffer;

/**
 * Druid's {@code V3CompressedVSizeColumnarMultiIntsSupplier}: the dictionary ids of a multi-value
 * string column, row by row.
 * <pre>
 *   byte   version = 0x03
 *   {@link CompressedInts}       numRows + 1 offsets: row r holds values [offset(r), offset(r+1))
 *   {@link CompressedVSizeInts}  all rows' ids, concatenated
 * </pre>
 * Immutable; reading goes through a per-thread {@link Reader}.
 */
public final class MultiValueInts {
  public static final byte VERSION = 0x03;

  private final CompressedInts offsets;
  private final CompressedVSizeInts values;

  private MultiValueInts(CompressedInts offsets, CompressedVSizeInts values) {
    this.offsets = offsets;
    this.values = values;
  }

  public static MultiValueInts read(ByteCursor in) {
    long at = in.fileOffset();
    byte version = in.u8();
    if (version != VERSION) {
      throw new CorruptSegmentException(in.file(), at, "multi-value ids have unknown version[" + version + "]");
    }
    long offsetsAt = in.fileOffset();
    CompressedInts offsets = CompressedInts.read(in);
    CompressedVSizeInts values = CompressedVSizeInts.read(in);
    if (offsets.size() < 1) {
      throw new CorruptSegmentException(in.file(), offsetsAt, "multi-value offsets are empty");
    }
    return new MultiValueInts(offsets, values);
  }

  public int numRows() {
    return offsets.size() - 1;
  }

  public Reader reader() {
    return new Reader();
  }

  /** Reads one row's ids at a time. Not thread-safe. */
  public final class Reader {
    private final CompressedInts.Reader offsetReader = offsets.reader();
    private final CompressedVSizeInts.Reader valueReader = values.reader();
    private int start;
    private int end;

    /** Positions on {@code row}; returns its number of values. */
    public int seek(int row) {
      start = offsetReader.get(row);
      end = offsetReader.get(row + 1);
      if (start < 0 || end < start || end > values.size()) {
        throw new IllegalStateException("Row[" + row + "] has offsets [" + start + ", " + end + ") outside the "
            + values.size() + " stored ids");
      }
      return end - start;
    }

    /** The {@code i}th id of the row last given to {@link #seek}. */
    public int get(int i) {
      return valueReader.get(start + i);
    }
  }

  /** The bytes of rows given as id arrays, ids in [0, maxValue]. */
  public static byte[] write(int[][] rows, int numRows, int maxValue, BlockCompression compression) {
    int[] offsets = new int[numRows + 1];
    int total = 0;
    for (int r = 0; r < numRows; r++) {
      offsets[r] = total;
      total += rows[r].length;
    }
    offsets[numRows] = total;
    int[] flat = new int[total];
    for (int r = 0, p = 0; r < numRows; r++) {
      System.arraycopy(rows[r], 0, flat, p, rows[r].length);
      p += rows[r].length;
    }
    byte[] o = CompressedInts.write(offsets, numRows + 1, compression);
    byte[] v = CompressedVSizeInts.write(flat, total, maxValue, compression);
    return ByteBuffer.allocate(1 + o.length + v.length).put(VERSION).put(o).put(v).array();
  }
}
