package io.kafkaindexing.segment.format;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
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

  /** The stored bytes of {@code bitmap} (run-optimized copy). */
  public static byte[] write(ImmutableRoaringBitmap bitmap) {
    MutableRoaringBitmap copy = bitmap.toMutableRoaringBitmap();
    copy.runOptimize();
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(copy.serializedSizeInBytes());
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      copy.serialize(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
