package io.kafkaindexing.segment.format;

/**
 * Druid's {@code CompressionStrategy} ids, the byte that follows the header of every compressed
 * column. We read and write {@code lz4} (Druid's default) and {@code uncompressed}; the others are
 * refused by name.
 */
public enum Compression {
  LZF((byte) 0x00, false),
  LZ4((byte) 0x01, true),
  ZSTD((byte) 0x02, false),
  NONE((byte) 0xFE, false),
  UNCOMPRESSED((byte) 0xFF, true);

  private final byte id;
  private final boolean supported;

  Compression(byte id, boolean supported) {
    this.id = id;
    this.supported = supported;
  }

  public byte id() {
    return id;
  }

  /** The strategy with {@code id} read at {@code in}'s previous byte; fails naming unknown or unsupported ids. */
  static Compression read(ByteCursor in) {
    long at = in.fileOffset();
    byte id = in.u8();
    for (Compression c : values()) {
      if (c.id == id) {
        if (!c.supported) {
          throw new CorruptSegmentException(in.file(), at, "compression[" + c.name().toLowerCase(java.util.Locale.ROOT)
              + "] is not supported (only lz4 and uncompressed)");
        }
        return c;
      }
    }
    throw new CorruptSegmentException(in.file(), at, "unknown compression id[" + (id & 0xFF) + "]");
  }
}
