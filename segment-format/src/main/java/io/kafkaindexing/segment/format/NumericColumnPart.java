package io.kafkaindexing.segment.format;

import java.nio.ByteBuffer;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/**
 * The data of Druid's numeric part serdes {@code longV2}, {@code floatV2} and {@code doubleV2}
 * (SQL-compatible null handling), and of the legacy {@code long}, {@code float}, {@code double}:
 * <pre>
 *   int     length of the compressed values (V2 only)
 *   {@link CompressedNumericColumn}  the values, 0 at null rows
 *   [int size, bytes]  V2 only, present only when some row is null: the roaring bitmap
 *                      ({@link RoaringBitmaps}) of the null rows
 * </pre>
 * Immutable.
 */
public record NumericColumnPart(CompressedNumericColumn values, ImmutableRoaringBitmap nulls) {

  /** The kind stored by part serde {@code type}, or null when {@code type} is not numeric. */
  public static CompressedNumericColumn.Kind kindOf(String type) {
    return switch (type) {
      case "longV2", "long" -> CompressedNumericColumn.Kind.LONG;
      case "floatV2", "float" -> CompressedNumericColumn.Kind.FLOAT;
      case "doubleV2", "double" -> CompressedNumericColumn.Kind.DOUBLE;
      default -> null;
    };
  }

  public static NumericColumnPart read(ByteCursor in, String type) {
    CompressedNumericColumn.Kind kind = kindOf(type);
    if (!type.endsWith("V2")) {
      return new NumericColumnPart(CompressedNumericColumn.read(in, kind), new MutableRoaringBitmap());
    }
    int length = in.count("compressed values length", in.remaining());
    ByteCursor valuesBytes = in.take(length, "compressed values");
    CompressedNumericColumn values = CompressedNumericColumn.read(valuesBytes, kind);
    if (valuesBytes.hasRemaining()) {
      throw valuesBytes.fail(valuesBytes.remaining() + " bytes follow the compressed values inside their length");
    }
    ImmutableRoaringBitmap nulls = new MutableRoaringBitmap();
    if (in.hasRemaining()) {
      int size = in.count("null bitmap size", in.remaining());
      long at = in.fileOffset();
      nulls = RoaringBitmaps.read(in.take(size, "null bitmap").buffer(), in, at);
    }
    if (!nulls.isEmpty() && nulls.last() >= values.size()) {
      throw in.fail("null bitmap names row[" + nulls.last() + "] beyond the " + values.size() + " rows");
    }
    return new NumericColumnPart(values, nulls);
  }

  /** The V2 bytes of {@code count} little-endian values and their null rows. */
  public static byte[] write(CompressedNumericColumn.Kind kind, byte[] littleEndianValues, int count,
      ImmutableRoaringBitmap nulls, BlockCompression compression) {
    byte[] values = CompressedNumericColumn.write(kind, littleEndianValues, count, compression);
    byte[] bitmap = nulls.isEmpty() ? new byte[0] : RoaringBitmaps.write(nulls);
    ByteBuffer out = ByteBuffer.allocate(4 + values.length + (bitmap.length == 0 ? 0 : 4 + bitmap.length));
    out.putInt(values.length).put(values);
    if (bitmap.length > 0) {
      out.putInt(bitmap.length).put(bitmap);
    }
    return out.array();
  }
}
