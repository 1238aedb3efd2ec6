package io.kafkaindexing.segment.format;

import java.util.Arrays;

/**
 * How a writer compresses the blocks of a column: the {@link Compression} id it stores and, for
 * LZ4, which compressor makes the blocks. Both LZ4 modes write standard LZ4 blocks that any LZ4
 * reader (ours, Druid's) decompresses; they differ only in size and speed. Stateless.
 */
public enum BlockCompression {
  /**
   * LZ4, high-ratio matcher ({@link Lz4Block#compress}): sizes close to the LZ4 high-compression
   * mode Druid writes. For segments that are pushed to deep storage.
   */
  LZ4_HIGH(Compression.LZ4),
  /**
   * LZ4, greedy matcher ({@link Lz4Block#compressFast}): several times faster, blocks about a
   * quarter larger. For intermediate persists that stay on the task's disk.
   */
  LZ4_FAST(Compression.LZ4),
  /** Blocks stored as they are. */
  UNCOMPRESSED(Compression.UNCOMPRESSED);

  private final Compression stored;

  BlockCompression(Compression stored) {
    this.stored = stored;
  }

  /** The strategy recorded in the column (the id readers go by). */
  public Compression stored() {
    return stored;
  }

  /** The stored form of one block of raw bytes. */
  byte[] compress(byte[] raw, int length) {
    return compress(raw, 0, length, scratch(length));
  }

  /** A buffer {@link #compress(byte[], int, int, byte[])} can use for blocks of up to {@code blockBytes}. */
  byte[] scratch(int blockBytes) {
    return this == UNCOMPRESSED ? null : new byte[Lz4Block.maxCompressedLength(blockBytes)];
  }

  /** The stored form of the block {@code raw[off, off + length)}, compressed through {@code scratch} (see {@link #scratch}). */
  byte[] compress(byte[] raw, int off, int length, byte[] scratch) {
    return switch (this) {
      case LZ4_HIGH -> Arrays.copyOf(scratch, Lz4Block.compress(raw, off, length, scratch));
      case LZ4_FAST -> Arrays.copyOf(scratch, Lz4Block.compressFast(raw, off, length, scratch));
      case UNCOMPRESSED -> Arrays.copyOfRange(raw, off, off + length);
    };
  }
}
