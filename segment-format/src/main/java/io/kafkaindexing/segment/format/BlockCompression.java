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
    return switch (this) {
      case LZ4_HIGH -> Lz4Block.compress(raw, 0, length);
      case LZ4_FAST -> Lz4Block.compressFast(raw, 0, length);
      case UNCOMPRESSED -> Arrays.copyOf(raw, length);
    };
  }
}
