package io.kafkaindexing.segment.format;

import java.nio.ByteBuffer;

/**
 * Druid's {@code CompressedColumnarIntsSupplier}: full 4-byte ints in compressed blocks, used for
 * the row offsets of multi-value columns.
 * <pre>
 *   byte   version = 0x02
 *   int    totalSize: number of ints
 *   int    sizePer: ints per block, a power of two (Druid writes 16384)
 *   byte   compression id ({@link Compression})
 *   GenericIndexed of compressed blocks ({@link CompressedBlocks}) of little-endian ints
 * </pre>
 * Immutable; reading goes through a per-thread {@link Reader}.
 */
public final class CompressedInts {
  public static final byte VERSION = 0x02;
  static final int SIZE_PER = CompressedBlocks.BLOCK_BYTES / 4;

  private final int totalSize;
  private final int log2SizePer;
  private final CompressedBlocks blocks;

  private CompressedInts(int totalSize, int sizePer, CompressedBlocks blocks) {
    this.totalSize = totalSize;
    this.log2SizePer = Integer.numberOfTrailingZeros(sizePer);
    this.blocks = blocks;
  }

  public static CompressedInts read(ByteCursor in) {
    long at = in.fileOffset();
    byte version = in.u8();
    if (version != VERSION) {
      throw new CorruptSegmentException(in.file(), at, "compressed ints have unknown version[" + version + "]");
    }
    int totalSize = in.count("compressed ints count", Integer.MAX_VALUE);
    long sizeAt = in.fileOffset();
    int sizePer = in.int32();
    if (sizePer <= 0 || Integer.bitCount(sizePer) != 1 || sizePer > SIZE_PER) {
      throw new CorruptSegmentException(in.file(), sizeAt, "ints per block[" + sizePer
          + "] is not a power of two fitting 64 KiB");
    }
    Compression compression = Compression.read(in);
    int expected = (int) ((totalSize + (long) sizePer - 1) / sizePer);
    return new CompressedInts(totalSize, sizePer, CompressedBlocks.read(in, compression, expected));
  }

  public int size() {
    return totalSize;
  }

  public Reader reader() {
    return new Reader();
  }

  /** Reads ints by position. Not thread-safe. */
  public final class Reader {
    private final CompressedBlocks.Decoder decoder = blocks.new Decoder(0);
    private final int mask = (1 << log2SizePer) - 1;

    public int get(int index) {
      if (index < 0 || index >= totalSize) {
        throw new IndexOutOfBoundsException("Index[" + index + "] is outside [0, " + totalSize + ")");
      }
      return decoder.block(index >>> log2SizePer).getInt((index & mask) * 4);
    }
  }

  public static byte[] write(int[] values, int count, BlockCompression compression) {
    ByteBuffer raw = ByteBuffer.allocate(count * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < count; i++) {
      raw.putInt(values[i]);
    }
    byte[] body = CompressedBlocks.write(raw.array(), count * 4, SIZE_PER * 4, compression);
    ByteBuffer out = ByteBuffer.allocate(1 + 4 + 4 + 1 + body.length);
    out.put(VERSION).putInt(count).putInt(SIZE_PER).put(compression.stored().id()).put(body);
    return out.array();
  }
}
