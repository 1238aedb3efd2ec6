package io.kafkaindexing.segment.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/**
 * Druid's {@code roaring} bitmap serde: a bitmap is stored in RoaringBitmap's portable
 * serialization (cookie 12346 or 12347 with run containers, container keys and cardinalities,
 * offsets, then the containers), run-optimized before writing as Druid does. Stateless.
 */
public final class RoaringBitmaps {
  private RoaringBitmaps() {}

  /** A bitmap over {@code bytes} (zero-copy: it reads the mapped memory); empty bytes are an empty bitmap. */
  public static ImmutableRoaringBitmap read(ByteBuffer bytes, ByteCursor where, long fileOffset) {
    if (bytes == null || !bytes.hasRemaining()) {
      return new MutableRoaringBitmap();
    }
    try {
      ImmutableRoaringBitmap bitmap = new ImmutableRoaringBitmap(bytes);
      if (bitmap.serializedSizeInBytes() > bytes.remaining()) {
        throw new IllegalArgumentException("serialized size " + bitmap.serializedSizeInBytes() + " exceeds "
            + bytes.remaining() + " bytes");
      }
      return bitmap;
    } catch (RuntimeException e) {
      throw new CorruptSegmentException(where.file(), fileOffset, "roaring bitmap is malformed: " + e.getMessage(), e);
    }
  }

  /**
   * The stored bytes of {@code bitmap} (run-optimized copy), serialized straight into an array of
   * the exact size (the same bytes as RoaringBitmap's {@code DataOutput} serialization).
   */
  public static byte[] write(ImmutableRoaringBitmap bitmap) {
    return writeOptimized(bitmap.toMutableRoaringBitmap());
  }

  /**
   * The stored bytes of {@code bitmap}, which is run-optimized in place first (for a bitmap built
   * only to be written: the same bytes as {@link #write} without copying it).
   */
  public static byte[] writeOptimized(MutableRoaringBitmap bitmap) {
    bitmap.runOptimize();
    byte[] bytes = new byte[bitmap.serializedSizeInBytes()];
    bitmap.serialize(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
    return bytes;
  }
}
