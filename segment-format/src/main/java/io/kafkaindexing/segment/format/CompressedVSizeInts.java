package io.kafkaindexing.segment.format;

import java.nio.ByteBuffer;

/**
 * Druid's {@code CompressedVSizeColumnarIntsSupplier}: non-negative ints (dictionary ids) stored
 * in the fewest bytes that hold the largest one, in compressed blocks.
 * <pre>
 *   byte   version = 0x02
 *   byte   numBytes: bytes per value, 1..4 (1 for max &lt;= 0xFF, 2 for &lt;= 0xFFFF, 3, 4)
 *   int    totalSize: number of values
 *   int    sizePer: values per block, a power of two = highestOneBit((65536 - padding) / numBytes)
 *          where padding is 1 for numBytes 3 and 0 otherwise
 *   byte   compression id ({@link Compression})
 *   GenericIndexed of compressed blocks ({@link CompressedBlocks}); each block holds its values
 *          as numBytes little-endian bytes each, the last block only the values left
 * </pre>
 * Immutable; reading goes through a per-thread {@link Reader}.
 */
public final class CompressedVSizeInts {
  public static final byte VERSION = 0x02;

  private final int numBytes;
  private final int totalSize;
  private final int log2SizePer;
  private final CompressedBlocks blocks;

  private CompressedVSizeInts(int numBytes, int totalSize, int sizePer, CompressedBlocks blocks) {
    this.numBytes = numBytes;
    this.totalSize = totalSize;
    this.log2SizePer = Integer.numberOfTrailingZeros(sizePer);
    this.blocks = blocks;
  }

  public static CompressedVSizeInts read(ByteCursor in) {
    long at = in.fileOffset();
    byte version = in.u8();
    if (version != VERSION) {
      throw new CorruptSegmentException(in.file(), at, "compressed ids have unknown version[" + version + "]");
    }
    long numBytesAt = in.fileOffset();
    int numBytes = in.u8();
    if (numBytes < 1 || numBytes > 4) {
      throw new CorruptSegmentException(in.file(), numBytesAt, "bytes per id[" + numBytes + "] is not in 1..4");
    }
    int totalSize = in.count("compressed ids count", Integer.MAX_VALUE);
    long sizeAt = in.fileOffset();
    int sizePer = in.int32();
    if (sizePer <= 0 || Integer.bitCount(sizePer) != 1 || (long) sizePer * numBytes > CompressedBlocks.BLOCK_BYTES) {
      throw new CorruptSegmentException(in.file(), sizeAt, "ids per block[" + sizePer
          + "] is not a power of two fitting 64 KiB");
    }
    Compression compression = Compression.read(in);
    int expected = (int) ((totalSize + (long) sizePer - 1) / sizePer);
    return new CompressedVSizeInts(numBytes, totalSize, sizePer, CompressedBlocks.read(in, compression, expected));
  }

  public int size() {
    return totalSize;
  }

  public Reader reader() {
    return new Reader();
  }

  /** Reads ids by position, one decompressed block at a time. Not thread-safe. */
  public final class Reader {
    private final CompressedBlocks.Decoder decoder = blocks.new Decoder(4);
    private final int mask = (1 << log2SizePer) - 1;
    private final int valueMask = numBytes == 4 ? -1 : (1 << (numBytes * 8)) - 1;

    public int get(int index) {
      if (index < 0 || index >= totalSize) {
        throw new IndexOutOfBoundsException("Index[" + index + "] is outside [0, " + totalSize + ")");
      }
      ByteBuffer b = decoder.block(index >>> log2SizePer);
      int pos = (index & mask) * numBytes;
      return switch (numBytes) {
        case 1 -> b.get(pos) & 0xFF;
        case 2 -> b.getShort(pos) & 0xFFFF;
        default -> b.getInt(pos) & valueMask;
      };
    }
  }

  /** Bytes per value for ids up to {@code maxValue}. */
  public static int bytesFor(int maxValue) {
    if (maxValue <= 0xFF) {
      return 1;
    }
    if (maxValue <= 0xFFFF) {
      return 2;
    }
    return maxValue <= 0xFFFFFF ? 3 : 4;
  }

  static int sizePer(int numBytes) {
    int padding = numBytes == 3 ? 1 : 0;
    return Integer.highestOneBit((CompressedBlocks.BLOCK_BYTES - padding) / numBytes);
  }

  /** The bytes of {@code values[0, count)}, each in [0, maxValue]. */
  public static byte[] write(int[] values, int count, int maxValue, BlockCompression compression) {
    int numBytes = bytesFor(Math.max(0, maxValue));
    int sizePer = sizePer(numBytes);
    byte[] raw = new byte[count * numBytes];
    for (int i = 0, p = 0; i < count; i++) {
      int v = values[i];
      for (int b = 0; b < numBytes; b++) {
        raw[p++] = (byte) (v >>> (8 * b));
      }
    }
    byte[] body = CompressedBlocks.write(raw, raw.length, sizePer * numBytes, compression);
    ByteBuffer out = ByteBuffer.allocate(1 + 1 + 4 + 4 + 1 + body.length);
    out.put(VERSION).put((byte) numBytes).putInt(count).putInt(sizePer).put(compression.stored().id()).put(body);
    return out.array();
  }
}
