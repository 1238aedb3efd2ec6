package io.kafkaindexing.segment.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The block list shared by Druid's compressed columns: a {@link GenericIndexed} (version 1, not
 * sorted) whose elements are blocks of at most 64 KiB of little-endian values, each compressed on
 * its own with the column's {@link Compression}. This class is the body only; each column
 * structure ({@link CompressedNumericColumn}, {@link CompressedVSizeInts}, {@link CompressedInts})
 * owns the header in front of it. Immutable; per-thread decoding goes through {@link Decoder}.
 */
final class CompressedBlocks {
  /** Druid's block size ({@code CompressedPools.BUFFER_SIZE}). */
  static final int BLOCK_BYTES = 0x10000;

  private final GenericIndexed blocks;
  private final Compression compression;

  private CompressedBlocks(GenericIndexed blocks, Compression compression) {
    this.blocks = blocks;
    this.compression = compression;
  }

  static CompressedBlocks read(ByteCursor in, Compression compression, int expectedBlocks) {
    long at = in.fileOffset();
    GenericIndexed blocks = GenericIndexed.read(in, null);
    if (blocks.size() != expectedBlocks) {
      throw new CorruptSegmentException(in.file(), at, "expected " + expectedBlocks + " compressed blocks but found "
          + blocks.size());
    }
    return new CompressedBlocks(blocks, compression);
  }

  int size() {
    return blocks.size();
  }

  /** Decodes blocks one at a time into a reused buffer. Not thread-safe. */
  final class Decoder {
    private final byte[] out;
    private final ByteBuffer view;
    private byte[] in = new byte[0];
    private int current = -1;

    Decoder(int padding) {
      this.out = new byte[BLOCK_BYTES + padding];
      this.view = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The decompressed block {@code index}, little-endian, valid until the next call. */
    ByteBuffer block(int index) {
      if (index != current) {
        load(index);
      }
      return view;
    }

    private void load(int index) {
      ByteBuffer compressed = blocks.get(index);
      if (compressed == null) {
        throw new CorruptSegmentException(blocks.file(), blocks.fileOffsetOf(index), "compressed block[" + index
            + "] is null");
      }
      int n = compressed.remaining();
      if (compression == Compression.UNCOMPRESSED) {
        if (n > BLOCK_BYTES) {
          throw new CorruptSegmentException(blocks.file(), blocks.fileOffsetOf(index), "block[" + index
              + "] of " + n + " bytes exceeds " + BLOCK_BYTES);
        }
        compressed.get(out, 0, n);
      } else {
        if (in.length < n) {
          in = new byte[Math.max(n, 1024)];
        }
        compressed.get(in, 0, n);
        try {
          Lz4Block.decompress(in, n, out);
        } catch (IllegalArgumentException e) {
          current = -1;
          throw new CorruptSegmentException(blocks.file(), blocks.fileOffsetOf(index), "block[" + index
              + "] does not decompress: " + e.getMessage(), e);
        }
      }
      current = index;
    }
  }

  /**
   * The GenericIndexed bytes of {@code raw} cut into blocks of {@code blockBytes} and compressed:
   * each block straight from {@code raw} into one scratch buffer, then copied at its size.
   */
  static byte[] write(byte[] raw, int length, int blockBytes, BlockCompression compression) {
    List<byte[]> blocks = new ArrayList<>();
    byte[] scratch = compression.scratch(Math.min(blockBytes, Math.max(length, 0)));
    for (int off = 0; off < length; off += blockBytes) {
      int n = Math.min(blockBytes, length - off);
      blocks.add(compression.compress(raw, off, n, scratch));
    }
    return GenericIndexed.write(blocks, false);
  }
}
