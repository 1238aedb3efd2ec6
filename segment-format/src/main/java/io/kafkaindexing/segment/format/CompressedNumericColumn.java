package io.kafkaindexing.segment.format;

import java.nio.ByteBuffer;

/**
 * Druid's {@code CompressedColumnarLongsSupplier} / {@code ...FloatsSupplier} /
 * {@code ...DoublesSupplier}: one value per row in fixed-size little-endian blocks.
 * <pre>
 *   byte   version = 0x02 (0x01, the LZF-only layout, is refused)
 *   int    totalSize: number of values
 *   int    sizePer: values per block, a power of two (8192 longs or doubles, 16384 floats)
 *   byte   compression id ({@link Compression}); Druid's long "encoding" flag is refused
 *   GenericIndexed of ceil(totalSize / sizePer) compressed blocks ({@link CompressedBlocks})
 * </pre>
 * Ints are big-endian; values little-endian. Immutable; reading goes through a per-thread
 * {@link Reader}.
 */
public final class CompressedNumericColumn {
  public static final byte VERSION = 0x02;

  /** The value type and its width. */
  public enum Kind {
    LONG(8), FLOAT(4), DOUBLE(8);

    private final int width;

    Kind(int width) {
      this.width = width;
    }

    public int width() {
      return width;
    }

    /** Values per block as Druid writes them: 64 KiB of values. */
    int sizePer() {
      return CompressedBlocks.BLOCK_BYTES / width;
    }
  }

  private final Kind kind;
  private final int totalSize;
  private final int log2SizePer;
  private final CompressedBlocks blocks;

  private CompressedNumericColumn(Kind kind, int totalSize, int sizePer, CompressedBlocks blocks) {
    this.kind = kind;
    this.totalSize = totalSize;
    this.log2SizePer = Integer.numberOfTrailingZeros(sizePer);
    this.blocks = blocks;
  }

  public static CompressedNumericColumn read(ByteCursor in, Kind kind) {
    long at = in.fileOffset();
    byte version = in.u8();
    if (version != VERSION) {
      throw new CorruptSegmentException(in.file(), at, "compressed " + kind.name().toLowerCase(java.util.Locale.ROOT)
          + " column has unknown version[" + version + "]");
    }
    int totalSize = in.count("compressed column row count", Integer.MAX_VALUE);
    long sizeAt = in.fileOffset();
    int sizePer = in.int32();
    if (sizePer <= 0 || Integer.bitCount(sizePer) != 1 || (long) sizePer * kind.width > CompressedBlocks.BLOCK_BYTES) {
      throw new CorruptSegmentException(in.file(), sizeAt, "values per block[" + sizePer
          + "] is not a power of two fitting 64 KiB");
    }
    Compression compression = Compression.read(in);
    int expected = (int) ((totalSize + (long) sizePer - 1) / sizePer);
    return new CompressedNumericColumn(kind, totalSize, sizePer, CompressedBlocks.read(in, compression, expected));
  }

  public int size() {
    return totalSize;
  }

  public Kind kind() {
    return kind;
  }

  public Reader reader() {
    return new Reader();
  }

  /**
   * Every value as {@link Reader#getLong} gives it, decompressing each block once (for caches of
   * decoded columns).
   */
  public long[] toLongArray() {
    long[] out = new long[totalSize];
    CompressedBlocks.Decoder decoder = blocks.new Decoder(0);
    int per = 1 << log2SizePer;
    for (int block = 0, row = 0; row < totalSize; block++) {
      ByteBuffer b = decoder.block(block);
      int n = Math.min(per, totalSize - row);
      switch (kind) {
        case LONG -> b.asLongBuffer().get(out, row, n);
        case FLOAT -> {
          for (int i = 0; i < n; i++) {
            out[row + i] = (long) b.getFloat(i * 4);
          }
        }
        case DOUBLE -> {
          for (int i = 0; i < n; i++) {
            out[row + i] = (long) b.getDouble(i * 8);
          }
        }
      }
      row += n;
    }
    return out;
  }

  /** Every value as {@link Reader#getDouble} gives it. See {@link #toLongArray()}. */
  public double[] toDoubleArray() {
    double[] out = new double[totalSize];
    CompressedBlocks.Decoder decoder = blocks.new Decoder(0);
    int per = 1 << log2SizePer;
    for (int block = 0, row = 0; row < totalSize; block++) {
      ByteBuffer b = decoder.block(block);
      int n = Math.min(per, totalSize - row);
      switch (kind) {
        case LONG -> {
          for (int i = 0; i < n; i++) {
            out[row + i] = b.getLong(i * 8);
          }
        }
        case FLOAT -> {
          for (int i = 0; i < n; i++) {
            out[row + i] = b.getFloat(i * 4);
          }
        }
        case DOUBLE -> b.asDoubleBuffer().get(out, row, n);
      }
      row += n;
    }
    return out;
  }

  /** Every value as {@link Reader#getFloat} gives it. See {@link #toLongArray()}. */
  public float[] toFloatArray() {
    float[] out = new float[totalSize];
    if (kind != Kind.FLOAT) {
      double[] d = toDoubleArray();
      for (int i = 0; i < totalSize; i++) {
        out[i] = (float) d[i];
      }
      return out;
    }
    CompressedBlocks.Decoder decoder = blocks.new Decoder(0);
    int per = 1 << log2SizePer;
    for (int block = 0, row = 0; row < totalSize; block++) {
      int n = Math.min(per, totalSize - row);
      decoder.block(block).asFloatBuffer().get(out, row, n);
      row += n;
    }
    return out;
  }

  /** Reads values by row, decompressing one block at a time. Not thread-safe. */
  public final class Reader {
    private final CompressedBlocks.Decoder decoder = blocks.new Decoder(0);
    private final int mask = (1 << log2SizePer) - 1;

    private ByteBuffer at(int row) {
      if (row < 0 || row >= totalSize) {
        throw new IndexOutOfBoundsException("Row[" + row + "] is outside [0, " + totalSize + ")");
      }
      return decoder.block(row >>> log2SizePer);
    }

    public long getLong(int row) {
      ByteBuffer b = at(row);
      int i = row & mask;
      return switch (kind) {
        case LONG -> b.getLong(i * 8);
        case FLOAT -> (long) b.getFloat(i * 4);
        case DOUBLE -> (long) b.getDouble(i * 8);
      };
    }

    public double getDouble(int row) {
      ByteBuffer b = at(row);
      int i = row & mask;
      return switch (kind) {
        case LONG -> b.getLong(i * 8);
        case FLOAT -> b.getFloat(i * 4);
        case DOUBLE -> b.getDouble(i * 8);
      };
    }

    public float getFloat(int row) {
      return kind == Kind.FLOAT ? at(row).getFloat((row & mask) * 4) : (float) getDouble(row);
    }
  }

  /**
   * The bytes of a column of {@code count} values given as little-endian bytes ({@code count *
   * kind.width()} of them).
   */
  public static byte[] write(Kind kind, byte[] littleEndianValues, int count, BlockCompression compression) {
    byte[] body = CompressedBlocks.write(littleEndianValues, count * kind.width, kind.sizePer() * kind.width,
        compression);
    ByteBuffer out = ByteBuffer.allocate(1 + 4 + 4 + 1 + body.length);
    out.put(VERSION).putInt(count).putInt(kind.sizePer()).put(compression.stored().id()).put(body);
    return out.array();
  }
}
