package io.kafkaindexing.segment.format;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/**
 * The data of Druid's {@code stringDictionary} part serde ({@code DictionaryEncodedColumnPartSerde}):
 * <pre>
 *   byte    version: 0x02 = compressed (the only one written since Druid 0.10; the uncompressed
 *           0x00, 0x01, 0x03 and the shapeshift 0x04 are refused by name)
 *   int     flags: bit 0 MULTI_VALUE (old layout, refused), bit 1 MULTI_VALUE_V3, bit 2 NO_BITMAP_INDEX
 *   {@link Utf8Dictionary}        sorted values, null first when some row is null
 *   {@link CompressedVSizeInts}   single-value: one id per row
 *   | {@link MultiValueInts}      multi-value (MULTI_VALUE_V3): ids per row
 *   GenericIndexed of bitmaps     unless NO_BITMAP_INDEX: per dictionary id, the roaring bitmap
 *                                 ({@link RoaringBitmaps}) of the rows holding it
 * </pre>
 * Immutable.
 */
public final class DictionaryEncodedColumnPart {
  public static final byte VERSION_COMPRESSED = 0x02;
  static final int MULTI_VALUE = 1;
  static final int MULTI_VALUE_V3 = 1 << 1;
  static final int NO_BITMAP_INDEX = 1 << 2;
  private static final String[] VERSION_NAMES = {"uncompressed single-value", "uncompressed multi-value",
      "compressed", "uncompressed with flags", "shapeshift"};

  private final Utf8Dictionary dictionary;
  private final CompressedVSizeInts singleValues;
  private final MultiValueInts multiValues;
  private final GenericIndexed bitmaps;
  private final ByteCursor bitmapsWhere;

  private DictionaryEncodedColumnPart(Utf8Dictionary dictionary, CompressedVSizeInts singleValues,
      MultiValueInts multiValues, GenericIndexed bitmaps, ByteCursor bitmapsWhere) {
    this.dictionary = dictionary;
    this.singleValues = singleValues;
    this.multiValues = multiValues;
    this.bitmaps = bitmaps;
    this.bitmapsWhere = bitmapsWhere;
  }

  public static DictionaryEncodedColumnPart read(ByteCursor in, Function<String, ByteCursor> entries) {
    long at = in.fileOffset();
    byte version = in.u8();
    if (version != VERSION_COMPRESSED) {
      String name = version >= 0 && version < VERSION_NAMES.length ? VERSION_NAMES[version] : "unknown";
      throw new CorruptSegmentException(in.file(), at, "string column version[" + version + "] (" + name
          + ") is not supported; only compressed (2)");
    }
    long flagsAt = in.fileOffset();
    int flags = in.int32();
    if ((flags & ~(MULTI_VALUE | MULTI_VALUE_V3 | NO_BITMAP_INDEX)) != 0 || (flags & MULTI_VALUE) != 0) {
      throw new CorruptSegmentException(in.file(), flagsAt, "string column flags[" + flags + "] are not supported");
    }
    Utf8Dictionary dictionary = Utf8Dictionary.read(in, entries);
    CompressedVSizeInts single = null;
    MultiValueInts multi = null;
    if ((flags & MULTI_VALUE_V3) != 0) {
      multi = MultiValueInts.read(in);
    } else {
      single = CompressedVSizeInts.read(in);
    }
    GenericIndexed bitmaps = null;
    ByteCursor where = in;
    if ((flags & NO_BITMAP_INDEX) == 0) {
      long bitmapsAt = in.fileOffset();
      bitmaps = GenericIndexed.read(in, entries);
      if (bitmaps.size() != dictionary.size()) {
        throw new CorruptSegmentException(in.file(), bitmapsAt, "string column has " + bitmaps.size()
            + " bitmaps for " + dictionary.size() + " dictionary values");
      }
    }
    return new DictionaryEncodedColumnPart(dictionary, single, multi, bitmaps, where);
  }

  public Utf8Dictionary dictionary() {
    return dictionary;
  }

  public boolean hasMultipleValues() {
    return multiValues != null;
  }

  /** One id per row; null for a multi-value column. */
  public CompressedVSizeInts singleValues() {
    return singleValues;
  }

  /** Ids per row; null for a single-value column. */
  public MultiValueInts multiValues() {
    return multiValues;
  }

  public int numRows() {
    return multiValues != null ? multiValues.numRows() : singleValues.size();
  }

  public boolean hasBitmaps() {
    return bitmaps != null;
  }

  /** The rows holding dictionary id {@code id} (zero-copy over the mapped file). */
  public ImmutableRoaringBitmap bitmap(int id) {
    return RoaringBitmaps.read(bitmaps.get(id), bitmapsWhere, bitmaps.fileOffsetOf(id));
  }

  /**
   * The bytes of a compressed string column: {@code sortedValues} its dictionary, {@code rows} the
   * ids of each row (one id per row unless {@code multiValue}), {@code bitmaps} per id or null for
   * none (bitmaps built for the write: mutable ones are run-optimized in place, not copied).
   */
  public static byte[] write(List<String> sortedValues, int[][] rows, int numRows, boolean multiValue,
      List<? extends ImmutableRoaringBitmap> bitmaps, BlockCompression compression) {
    int flags = (multiValue ? MULTI_VALUE_V3 : 0) | (bitmaps == null ? NO_BITMAP_INDEX : 0);
    byte[] dictionary = Utf8Dictionary.write(sortedValues);
    int maxId = Math.max(0, sortedValues.size() - 1);
    byte[] values;
    if (multiValue) {
      values = MultiValueInts.write(rows, numRows, maxId, compression);
    } else {
      int[] ids = new int[numRows];
      for (int r = 0; r < numRows; r++) {
        ids[r] = rows[r][0];
      }
      values = CompressedVSizeInts.write(ids, numRows, maxId, compression);
    }
    return concat(flags, dictionary, values, bitmaps(bitmaps));
  }

  /**
   * The bytes of a single-valued compressed string column: {@code ids[r]} is row r's dictionary id
   * (bitmaps as above).
   */
  public static byte[] write(List<String> sortedValues, int[] ids, int numRows,
      List<? extends ImmutableRoaringBitmap> bitmaps, BlockCompression compression) {
    return concat(bitmaps == null ? NO_BITMAP_INDEX : 0, Utf8Dictionary.write(sortedValues),
        CompressedVSizeInts.write(ids, numRows, Math.max(0, sortedValues.size() - 1), compression), bitmaps(bitmaps));
  }

  /** The bitmaps' GenericIndexed bytes, or null for none. */
  private static byte[] bitmaps(List<? extends ImmutableRoaringBitmap> bitmaps) {
    if (bitmaps == null) {
      return null;
    }
    List<byte[]> serialized = new ArrayList<>(bitmaps.size());
    bitmaps.forEach(b -> serialized.add(b instanceof MutableRoaringBitmap m ? RoaringBitmaps.writeOptimized(m)
        : RoaringBitmaps.write(b)));
    return GenericIndexed.write(serialized, false);
  }

  /** Version byte, flags, then the parts (a null part is left out), in one array of the exact size. */
  private static byte[] concat(int flags, byte[] dictionary, byte[] values, byte[] bitmaps) {
    int size = 1 + 4 + dictionary.length + values.length + (bitmaps == null ? 0 : bitmaps.length);
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put(VERSION_COMPRESSED).putInt(flags).put(dictionary).put(values);
    if (bitmaps != null) {
      out.put(bitmaps);
    }
    return out.array();
  }
}
