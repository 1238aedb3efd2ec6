package io.kafkaindexing.segment.persisted;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkaindexing.segment.column.ValueType;
import io.kafkaindexing.segment.format.ColumnDescriptor;
import io.kafkaindexing.segment.format.ComplexColumnPart;
import io.kafkaindexing.segment.format.BlockCompression;
import io.kafkaindexing.segment.format.CompressedNumericColumn;
import io.kafkaindexing.segment.format.DictionaryEncodedColumnPart;
import io.kafkaindexing.segment.format.NumericColumnPart;
import io.kafkaindexing.segment.format.Utf8Dictionary;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/**
 * Encodes one column of sorted rows into a column entry (descriptor + part data) as Druid's
 * {@code IndexMergerV9} writes it. Stateless.
 */
final class ColumnBytes {
  private ColumnBytes() {}

  /** The entry of a numeric column; {@code values.get(r)} is a Number or null. */
  static byte[][] numeric(ValueType type, List<?> values, BlockCompression compression) {
    CompressedNumericColumn.Kind kind = CompressedNumericColumn.Kind.valueOf(type.name());
    int n = values.size();
    ByteBuffer raw = ByteBuffer.allocate(n * kind.width()).order(ByteOrder.LITTLE_ENDIAN);
    MutableRoaringBitmap nulls = new MutableRoaringBitmap();
    for (int r = 0; r < n; r++) {
      Number v = (Number) values.get(r);
      if (v == null) {
        nulls.add(r);
      }
      switch (kind) {
        case LONG -> raw.putLong(v == null ? 0L : v.longValue());
        case FLOAT -> raw.putFloat(v == null ? 0f : v.floatValue());
        case DOUBLE -> raw.putDouble(v == null ? 0d : v.doubleValue());
      }
    }
    String partType = type.jsonName() + "V2";
    ColumnDescriptor d = new ColumnDescriptor(type.name(), false, List.of(ColumnDescriptor.numericPart(partType)));
    return new byte[][] {d.toBytes(), NumericColumnPart.write(kind, raw.array(), n, nulls, compression)};
  }

  /** True when no row of a string column holds a non-null value. */
  static boolean onlyNulls(List<Object> values) {
    for (Object v : values) {
      if (v instanceof String[] || v != null) {
        return false;
      }
    }
    return true;
  }

  /** The entry of a null-only column (descriptor only: Druid's {@code null} part serde). */
  static byte[][] nullOnly(ValueType type, int numRows) {
    ObjectNode part = JsonNodeFactory.instance.objectNode().put("type", "null").put("numRows", numRows);
    part.set("bitmapSerdeFactory", ColumnDescriptor.roaring());
    return new byte[][] {new ColumnDescriptor(type.name(), false, List.of(part)).toBytes()};
  }

  /** The entry of a string column; a value is a String, a String[] or null. */
  static byte[][] strings(List<Object> values, boolean multiValueDeclared, BlockCompression compression) {
    TreeSet<String> distinct = new TreeSet<>(Utf8Dictionary.order());
    boolean multi = multiValueDeclared;
    boolean hasNull = false;
    for (Object v : values) {
      if (v instanceof String[] arr) {
        multi = true;
        for (String s : arr) {
          hasNull |= s == null;
          if (s != null) {
            distinct.add(s);
          }
        }
      } else if (v == null) {
        hasNull = true;
      } else {
        distinct.add((String) v);
      }
    }
    List<String> dictionary = new ArrayList<>(distinct.size() + 1);
    if (hasNull) {
      dictionary.add(null);
    }
    dictionary.addAll(distinct);
    Map<String, Integer> ids = new HashMap<>(dictionary.size() * 2);
    for (int i = 0; i < dictionary.size(); i++) {
      ids.put(dictionary.get(i), i);
    }
    List<MutableRoaringBitmap> bitmaps = new ArrayList<>(dictionary.size());
    for (int i = 0; i < dictionary.size(); i++) {
      bitmaps.add(new MutableRoaringBitmap());
    }
    int n = values.size();
    int[][] rows = new int[n][];
    for (int r = 0; r < n; r++) {
      Object v = values.get(r);
      if (v instanceof String[] arr) {
        int[] row = new int[arr.length];
        for (int i = 0; i < arr.length; i++) {
          row[i] = ids.get(arr[i]);
          bitmaps.get(row[i]).add(r);
        }
        rows[r] = row;
      } else {
        int id = ids.get((String) v);
        bitmaps.get(id).add(r);
        rows[r] = new int[] {id};
      }
    }
    ColumnDescriptor d = new ColumnDescriptor("STRING", multi, List.of(ColumnDescriptor.stringDictionaryPart()));
    return new byte[][] {d.toBytes(), DictionaryEncodedColumnPart.write(dictionary, rows, n, multi, bitmaps,
        compression)};
  }

  /** The entry of a complex column; a value is the object's stored bytes or null. */
  static byte[][] complex(String typeName, List<Object> values) {
    List<byte[]> bytes = new ArrayList<>(values.size());
    for (Object value : values) {
      Object v = value instanceof io.kafkaindexing.segment.aggregation.HyperLogLogSketch h ? h.toBytes() : value;
      if (v != null && !(v instanceof byte[])) {
        throw new IllegalArgumentException("Complex column of type[" + typeName + "] got a value of "
            + v.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " instead of bytes");
      }
      bytes.add((byte[]) v);
    }
    ColumnDescriptor d = new ColumnDescriptor("COMPLEX", false, List.of(ColumnDescriptor.complexPart(typeName)));
    return new byte[][] {d.toBytes(), ComplexColumnPart.write(bytes)};
  }
}
