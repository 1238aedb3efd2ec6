package io.kafkaindexing.segment.persisted;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.segment.aggregation.LongSumAggregatorFactory;
import io.kafkaindexing.segment.column.ValueType;
import io.kafkaindexing.segment.format.BlockCompression;
import io.kafkaindexing.segment.format.ColumnDescriptor;
import io.kafkaindexing.segment.format.DictionaryEncodedColumnPart;
import io.kafkaindexing.segment.format.Utf8Dictionary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/**
 * The persist path's fast paths give what the general ones gave: {@link StringNumbering} numbers
 * like a hash map in order of first appearance, {@link ColumnBytes#strings} writes the bytes of
 * the boxed-sort encoding it replaced, and {@link RowTable#sortAndRollup} on sorted or shuffled
 * rows equals a full sort with the element-by-element comparison followed by a rollup pass.
 */
class PersistFastPathsTest {
  private static final String[] ALPHABET = {"a", "b", "Aa", "BB", "", "é", "\uD83D\uDE00", "\uFF21", "z", "AaAa",
      "BBBB", "AaBB", "BBAa"};

  @Test
  void numberingMatchesHashMap() {
    Random random = new Random(7);
    for (int round = 0; round < 50; round++) {
      StringNumbering numbering = new StringNumbering();
      Map<String, Integer> expected = new HashMap<>();
      for (int i = 0; i < 5_000; i++) {
        String s = new String(randomString(random, 1 + round * 20));
        Integer want = expected.computeIfAbsent(s, k -> expected.size());
        assertEquals(want.intValue(), numbering.id(s), s);
      }
      assertEquals(expected.size(), numbering.size());
      for (Map.Entry<String, Integer> e : expected.entrySet()) {
        assertEquals(e.getKey(), numbering.value(e.getValue()));
      }
    }
  }

  @Test
  void distinctStringSortMatchesStringOrder() {
    Random random = new Random(17);
    String[] alphabets = {"ab", "0123456789", "aAzZ\u00e9\uD83D\uDE00\uFF21\uFFFF\u0000", "xy\uFFFF"};
    for (int round = 0; round < 400; round++) {
      int n = round % 10 == 0 ? random.nextInt(20_000) : random.nextInt(300);
      String alphabet = alphabets[round % alphabets.length];
      String prefix = round % 3 == 0 ? "" : round % 3 == 1 ? "user" : "/page/\uFFFF";
      java.util.Set<String> set = new java.util.LinkedHashSet<>();
      for (int i = 0; i < n; i++) {
        StringBuilder b = new StringBuilder(prefix);
        for (int k = random.nextInt(round % 2 == 0 ? 4 : 12); k > 0; k--) {
          b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        set.add(b.toString());
      }
      String[] got = set.toArray(new String[0]);
      String[] want = got.clone();
      Arrays.sort(want);
      DistinctStringSort.sort(got);
      assertArrayEquals(want, got, "round " + round);
    }
  }

  @Test
  void stringColumnBytesMatchBoxedSortEncoding() {
    Random random = new Random(11);
    for (int round = 0; round < 200; round++) {
      int n = 1 + random.nextInt(2_000);
      int distinct = 1 + random.nextInt(round % 2 == 0 ? 20 : 1_500);
      boolean multi = round % 3 == 0;
      boolean nulls = round % 4 < 2;
      List<Object> values = new ArrayList<>(n);
      for (int r = 0; r < n; r++) {
        if (nulls && random.nextInt(10) == 0) {
          values.add(null);
        } else if (multi && random.nextInt(3) == 0) {
          String[] arr = new String[2 + random.nextInt(3)];
          for (int i = 0; i < arr.length; i++) {
            arr[i] = nulls && random.nextInt(8) == 0 ? null : randomString(random, distinct);
          }
          values.add(arr);
        } else {
          values.add(randomString(random, distinct));
        }
      }
      for (BlockCompression c : BlockCompression.values()) {
        byte[][] got = ColumnBytes.strings(values, round % 5 == 0, c);
        byte[][] want = referenceStrings(values, round % 5 == 0, c);
        assertEquals(want.length, got.length);
        for (int i = 0; i < want.length; i++) {
          assertArrayEquals(want[i], got[i], "round " + round + " " + c);
        }
      }
    }
  }

  @Test
  void stringColumnBytesWithSourceIdsMatchWithout() {
    Random random = new Random(13);
    for (int round = 0; round < 100; round++) {
      int n = 1 + random.nextInt(3_000);
      int distinct = 1 + random.nextInt(500);
      List<Object> values = new ArrayList<>(n);
      int[] sourceIds = new int[n];
      for (int r = 0; r < n; r++) {
        int k = random.nextInt(distinct);
        int shape = random.nextInt(12);
        if (shape == 0) {
          values.add(null);
          sourceIds[r] = -1;
        } else if (shape == 1 && round % 2 == 0) {
          values.add(new String[] {randomString(random, distinct), randomString(random, distinct)});
          sourceIds[r] = -1;
        } else {
          // a value may come with its id, with a second id of its own (duplicate entries), or with none
          values.add(new String(randomString(new Random(k), distinct)));
          sourceIds[r] = shape == 2 ? -1 : shape == 3 ? k + distinct : k;
        }
      }
      for (BlockCompression c : new BlockCompression[] {BlockCompression.LZ4_FAST, BlockCompression.UNCOMPRESSED}) {
        byte[][] want = ColumnBytes.strings(values, round % 5 == 0, c);
        byte[][] got = ColumnBytes.strings(values, sourceIds, 2 * distinct, round % 5 == 0, c);
        for (int i = 0; i < want.length; i++) {
          assertArrayEquals(want[i], got[i], "round " + round);
        }
      }
    }
  }

  @Test
  void sortAndRollupMatchesFullSortThenRollup() {
    Random random = new Random(3);
    SegmentSchema schema = new SegmentSchema(List.of(
        new SegmentSchema.Column("s", ValueType.STRING, true, null, null),
        new SegmentSchema.Column("l", ValueType.LONG, false, null, null),
        new SegmentSchema.Column("t", ValueType.STRING, false, null, null)),
        List.of(new SegmentSchema.Column("sum", ValueType.LONG, false, null,
            new LongSumAggregatorFactory("sum", "sum", null))));
    for (int round = 0; round < 300; round++) {
      int n = random.nextInt(400);
      List<RowTable.Row> rows = new ArrayList<>();
      int spread = 1 + random.nextInt(6);
      for (int r = 0; r < n; r++) {
        Object s = switch (random.nextInt(5)) {
          case 0 -> null;
          case 1 -> new String[] {randomString(random, spread), randomString(random, spread)};
          default -> randomString(random, spread);
        };
        Object l = random.nextInt(4) == 0 ? null : (long) random.nextInt(spread);
        Object t = random.nextInt(4) == 0 ? null : randomString(random, spread);
        rows.add(new RowTable.Row(random.nextInt(spread), new Object[] {s, l, t}, new Object[] {(long) r}));
      }
      boolean rollup = round % 2 == 0;
      List<RowTable.Row> want = referenceSortAndRollup(schema, rows, rollup);
      List<RowTable.Row> presorted = new ArrayList<>(rows);
      presorted.sort(referenceOrder(schema));
      for (List<RowTable.Row> input : List.of(rows, presorted, want)) {
        RowTable table = new RowTable(schema);
        table.rows().addAll(input);
        boolean distinct = table.sortAndRollup(rollup);
        List<RowTable.Row> got = table.rows();
        assertEquals(want.size(), got.size(), "round " + round);
        for (int i = 0; i < got.size(); i++) {
          assertEquals(want.get(i).time(), got.get(i).time());
          assertTrue(Arrays.deepEquals(want.get(i).dims(), got.get(i).dims()), "round " + round + " row " + i);
          assertArrayEquals(want.get(i).metrics(), got.get(i).metrics(), "round " + round + " row " + i);
          if (distinct && i > 0) {
            assertTrue(referenceOrder(schema).compare(got.get(i - 1), got.get(i)) < 0);
          }
        }
      }
    }
  }

  private static String randomString(Random random, int distinct) {
    int k = random.nextInt(distinct);
    return ALPHABET[k % ALPHABET.length] + (k / ALPHABET.length == 0 ? "" : Integer.toString(k / ALPHABET.length));
  }

  /** Sort (stable) by the element-by-element order, then combine equal neighbours. */
  private static List<RowTable.Row> referenceSortAndRollup(SegmentSchema schema, List<RowTable.Row> rows,
      boolean rollup) {
    List<RowTable.Row> sorted = new ArrayList<>(rows);
    Comparator<RowTable.Row> order = referenceOrder(schema);
    sorted.sort(order);
    if (!rollup || sorted.size() < 2) {
      return sorted;
    }
    List<RowTable.Row> out = new ArrayList<>();
    RowTable.Row current = sorted.get(0);
    for (int i = 1; i < sorted.size(); i++) {
      if (order.compare(current, sorted.get(i)) == 0) {
        current = RowTable.combine(schema, current, sorted.get(i));
      } else {
        out.add(current);
        current = sorted.get(i);
      }
    }
    out.add(current);
    return out;
  }

  private static Comparator<RowTable.Row> referenceOrder(SegmentSchema schema) {
    return (a, b) -> {
      int c = Long.compare(a.time(), b.time());
      for (int d = 0; c == 0 && d < schema.dimensions().size(); d++) {
        c = referenceCompare(schema.dimensions().get(d).type(), a.dims()[d], b.dims()[d]);
      }
      return c;
    };
  }

  private static int referenceCompare(ValueType type, Object a, Object b) {
    if (type != ValueType.STRING) {
      if (a == null || b == null) {
        return a == null ? (b == null ? 0 : -1) : 1;
      }
      return Long.compare((Long) a, (Long) b);
    }
    String[] x = a instanceof String[] arr ? arr : new String[] {(String) a};
    String[] y = b instanceof String[] arr ? arr : new String[] {(String) b};
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c = Utf8Dictionary.order().compare(x[i], y[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  /** The string column encoding before the fast paths: hash map numbering, boxed ids sorted by comparator. */
  private static byte[][] referenceStrings(List<Object> values, boolean multiValueDeclared,
      BlockCompression compression) {
    int n = values.size();
    Map<String, Integer> seen = new HashMap<>();
    List<String> distinct = new ArrayList<>();
    boolean multi = multiValueDeclared;
    boolean hasNull = false;
    for (Object v : values) {
      if (v instanceof String[] arr) {
        multi = true;
        for (String s : arr) {
          hasNull |= s == null;
          if (s != null) {
            seen.computeIfAbsent(s, k -> { distinct.add(k); return distinct.size() - 1; });
          }
        }
      } else if (v == null) {
        hasNull = true;
      } else {
        seen.computeIfAbsent((String) v, k -> { distinct.add(k); return distinct.size() - 1; });
      }
    }
    Integer[] order = new Integer[distinct.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Utf8Dictionary.order().compare(distinct.get(a), distinct.get(b)));
    List<String> dictionary = new ArrayList<>();
    if (hasNull) {
      dictionary.add(null);
    }
    for (Integer i : order) {
      dictionary.add(distinct.get(i));
    }
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < dictionary.size(); i++) {
      ids.put(dictionary.get(i), i);
    }
    List<MutableRoaringBitmap> bitmaps = new ArrayList<>();
    for (int i = 0; i < dictionary.size(); i++) {
      bitmaps.add(new MutableRoaringBitmap());
    }
    int[][] rows = new int[n][];
    for (int r = 0; r < n; r++) {
      Object v = values.get(r);
      String[] arr = v instanceof String[] a ? a : new String[] {(String) v};
      rows[r] = new int[arr.length];
      for (int i = 0; i < arr.length; i++) {
        rows[r][i] = ids.get(arr[i]);
        bitmaps.get(rows[r][i]).add(r);
      }
    }
    ColumnDescriptor d = new ColumnDescriptor("STRING", multi, List.of(ColumnDescriptor.stringDictionaryPart()));
    byte[] part;
    if (multi) {
      part = DictionaryEncodedColumnPart.write(dictionary, rows, n, true, bitmaps, compression);
    } else {
      int[] single = new int[n];
      for (int r = 0; r < n; r++) {
        single[r] = rows[r][0];
      }
      part = DictionaryEncodedColumnPart.write(dictionary, single, n, bitmaps, compression);
    }
    return new byte[][] {d.toBytes(), part};
  }
}
