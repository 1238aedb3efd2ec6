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
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/**
 * Encodes one column of sorted rows into a column entry (descriptor + part data) as Druid's
 * {@code IndexMergerV9} writes it. Stateless.
 */
final class ColumnBytes {
  private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private ColumnBytes() {}

  /** The entry of a numeric column given as raw values (see {@link MergedColumns.Numbers}). */
  static byte[][] numeric(ValueType type, MergedColumns.Numbers values, BlockCompression compression) {
    CompressedNumericColumn.Kind kind = CompressedNumericColumn.Kind.valueOf(type.name());
    int n = values.size();
    long[] bits = values.bits();
    byte[] raw = new byte[n * kind.width()];
    if (kind == CompressedNumericColumn.Kind.FLOAT) {
      for (int r = 0; r < n; r++) {
        INT_LE.set(raw, r * 4, (int) bits[r]);
      }
    } else {
      for (int r = 0; r < n; r++) {
        LONG_LE.set(raw, r * 8, bits[r]);
      }
    }
    String partType = type.jsonName() + "V2";
    ColumnDescriptor d = new ColumnDescriptor(type.name(), false, List.of(ColumnDescriptor.numericPart(partType)));
    return new byte[][] {d.toBytes(), NumericColumnPart.write(kind, raw, n, values.nulls(), compression)};
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

  /**
   * The entry of a string column; a value is a String, a String[] or null. Values are numbered in
   * order of appearance ({@link StringNumbering}; most are shared instances), and only the
   * distinct values are sorted; single-valued rows get their bitmaps from a counting sort of the
   * ids.
   */
  static byte[][] strings(List<Object> values, boolean multiValueDeclared, BlockCompression compression) {
    return strings(values, null, 0, multiValueDeclared, compression);
  }

  /**
   * As {@link #strings(List, boolean, BlockCompression)}; {@code sourceIds[r]}, when not null and
   * not -1, is the id the source's dictionary gave row r's single value (below
   * {@code sourceCardinality}), so each source id is numbered once instead of looking its value up
   * for every row. The bytes are the same.
   */
  static byte[][] strings(List<Object> values, int[] sourceIds, int sourceCardinality, boolean multiValueDeclared,
      BlockCompression compression) {
    int n = values.size();
    StringNumbering seen = new StringNumbering();
    int[] bySourceId = null;
    if (sourceIds != null) {
      bySourceId = new int[sourceCardinality];
      Arrays.fill(bySourceId, -1);
    }
    int[] firstIds = new int[n];
    boolean multi = multiValueDeclared;
    boolean hasNull = false;
    for (int r = 0; r < n; r++) {
      Object v = values.get(r);
      if (v instanceof String[] arr) {
        multi = true;
        for (String s : arr) {
          hasNull |= s == null;
          if (s != null) {
            seen.id(s);
          }
        }
      } else if (v == null) {
        hasNull = true;
        firstIds[r] = -1;
      } else if (bySourceId != null && sourceIds[r] >= 0) {
        int id = bySourceId[sourceIds[r]];
        if (id < 0) {
          id = seen.id((String) v);
          bySourceId[sourceIds[r]] = id;
        }
        firstIds[r] = id;
      } else {
        firstIds[r] = seen.id((String) v);
      }
    }
    // distinct non-null values: the dictionary order (nulls first, then String order) is String order
    String[] sorted = seen.values();
    DistinctStringSort.sort(sorted);
    int shift = hasNull ? 1 : 0;
    List<String> dictionary = new ArrayList<>(sorted.length + shift);
    if (hasNull) {
      dictionary.add(null);
    }
    int[] finalIds = new int[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      dictionary.add(sorted[i]);
      finalIds[seen.id(sorted[i])] = i + shift;
    }
    ColumnDescriptor d = new ColumnDescriptor("STRING", multi, List.of(ColumnDescriptor.stringDictionaryPart()));
    if (!multi) {
      int[] ids = new int[n];
      for (int r = 0; r < n; r++) {
        ids[r] = firstIds[r] < 0 ? 0 : finalIds[firstIds[r]];
      }
      return new byte[][] {d.toBytes(), DictionaryEncodedColumnPart.write(dictionary, ids, n,
          singleValueBitmaps(ids, n, dictionary.size()), compression)};
    }
    List<MutableRoaringBitmap> bitmaps = new ArrayList<>(dictionary.size());
    for (int i = 0; i < dictionary.size(); i++) {
      bitmaps.add(new MutableRoaringBitmap());
    }
    int[][] rows = new int[n][];
    for (int r = 0; r < n; r++) {
      Object v = values.get(r);
      if (v instanceof String[] arr) {
        int[] row = new int[arr.length];
        for (int i = 0; i < arr.length; i++) {
          // null is id 0: some row holds it, so the dictionary starts with null
          row[i] = arr[i] == null ? 0 : finalIds[seen.id(arr[i])];
          bitmaps.get(row[i]).add(r);
        }
        rows[r] = row;
      } else {
        int id = v == null ? 0 : finalIds[firstIds[r]];
        bitmaps.get(id).add(r);
        rows[r] = new int[] {id};
      }
    }
    return new byte[][] {d.toBytes(), DictionaryEncodedColumnPart.write(dictionary, rows, n, multi, bitmaps,
        compression)};
  }

  /** One bitmap per id of the rows holding it: the rows grouped by id (counting sort), added in order. */
  private static List<MutableRoaringBitmap> singleValueBitmaps(int[] ids, int n, int cardinality) {
    int[] start = new int[cardinality + 1];
    for (int r = 0; r < n; r++) {
      start[ids[r] + 1]++;
    }
    for (int i = 0; i < cardinality; i++) {
      start[i + 1] += start[i];
    }
    int[] next = Arrays.copyOf(start, cardinality);
    int[] rowsById = new int[n];
    for (int r = 0; r < n; r++) {
      rowsById[next[ids[r]]++] = r;
    }
    List<MutableRoaringBitmap> bitmaps = new ArrayList<>(cardinality);
    for (int i = 0; i < cardinality; i++) {
      MutableRoaringBitmap b = new MutableRoaringBitmap();
      b.addN(rowsById, start[i], start[i + 1] - start[i]);
      bitmaps.add(b);
    }
    return bitmaps;
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
