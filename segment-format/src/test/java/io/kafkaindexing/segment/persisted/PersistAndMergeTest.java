package io.kafkaindexing.segment.persisted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.aggregation.CountAggregatorFactory;
import io.kafkaindexing.segment.aggregation.DoubleMaxAggregatorFactory;
import io.kafkaindexing.segment.aggregation.DoubleSumAggregatorFactory;
import io.kafkaindexing.segment.aggregation.FloatSumAggregatorFactory;
import io.kafkaindexing.segment.aggregation.LongMinAggregatorFactory;
import io.kafkaindexing.segment.aggregation.LongSumAggregatorFactory;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.ColumnValueSelector;
import io.kafkaindexing.segment.column.DimensionSelector;
import io.kafkaindexing.segment.column.ValueType;
import io.kafkaindexing.segment.format.BlockCompression;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.incremental.IncrementalIndex;
import io.kafkaindexing.segment.incremental.IncrementalIndexSchema;
import io.kafkaindexing.segment.read.ColumnNames;
import io.kafkaindexing.segment.read.Cursor;
import io.kafkaindexing.segment.read.DictionaryEncodedValueIndex;
import io.kafkaindexing.segment.read.Segment;
import io.kafkaindexing.segment.read.SegmentView;
import io.kafkaindexing.segment.read.TimeRangeIndex;
import io.kafkaindexing.segment.row.InputRow;
import io.kafkaindexing.segment.row.MapBasedInputRow;
import io.kafkaindexing.segment.spec.DimensionSchema;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import io.kafkaindexing.segment.tools.SegmentDumper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * The read API answers the same for an incremental index and its persisted form (rows, values,
 * nulls, multi-values, bitmaps, time index), and merging partial indexes (in memory and persisted,
 * with each block compression) equals persisting all rows at once, with and without rollup.
 */
class PersistAndMergeTest {
  private static final Interval HOUR = Interval.parse("2018-03-06T10:00:00Z/2018-03-06T11:00:00Z");
  private static final List<AggregatorFactory> METRICS = List.of(new CountAggregatorFactory("count"),
      new LongSumAggregatorFactory("sum_l", "l", null), new LongMinAggregatorFactory("min_l", "l", null),
      new DoubleSumAggregatorFactory("sum_d", "d", null), new DoubleMaxAggregatorFactory("max_d", "d", null),
      new FloatSumAggregatorFactory("sum_f", "f", null));

  @TempDir
  Path tmp;

  private static IncrementalIndexSchema schema(boolean rollup) {
    DimensionsSpec dims = new DimensionsSpec(List.of(DimensionSchema.of("s"), DimensionSchema.of("tags"),
        new DimensionSchema("nl", "long", null, null), new DimensionSchema("nf", "float", null, null),
        new DimensionSchema("nd", "double", null, null), DimensionSchema.of("empty")), null, null, null);
    return IncrementalIndexSchema.builder().minTimestamp(HOUR.getStartMillis()).queryGranularity(Granularities.MINUTE)
        .dimensionsSpec(dims).metrics(METRICS).rollup(rollup).build();
  }

  private static List<InputRow> rows(int count, long seed) {
    Random r = new Random(seed);
    String[] strings = {"a", "b", "", "é", "日本", "🇧🇷", "B", null, "missing"};
    List<InputRow> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Map<String, Object> e = new HashMap<>();
      String s = strings[r.nextInt(strings.length)];
      if (!"missing".equals(s)) {
        e.put("s", s);
      }
      int k = r.nextInt(6);
      if (k == 0) {
        e.put("tags", List.of());
      } else if (k < 5) {
        List<String> t = new ArrayList<>();
        for (int j = r.nextInt(3) + 1; j > 0; j--) {
          t.add(strings[r.nextInt(5)]);
        }
        e.put("tags", t);
      }
      if (r.nextInt(4) > 0) {
        e.put("nl", (long) r.nextInt(5) - 2);
      }
      if (r.nextInt(4) > 0) {
        e.put("nf", r.nextInt(4) * 0.5f);
      }
      if (r.nextInt(4) > 0) {
        e.put("nd", r.nextInt(4) * 0.25);
      }
      if (r.nextInt(5) > 0) {
        e.put("l", (long) r.nextInt(1000));
      }
      e.put("d", r.nextInt(100) * 0.5);
      if (r.nextInt(3) > 0) {
        e.put("f", r.nextInt(8) * 0.25);
      }
      long time = HOUR.getStartMillis() + r.nextInt(20) * 60_000L + r.nextInt(60_000);
      rows.add(new MapBasedInputRow(time, List.copyOf(e.keySet()), e));
    }
    return rows;
  }

  private static IncrementalIndex index(List<InputRow> rows, boolean rollup) {
    IncrementalIndex index = new IncrementalIndex(schema(rollup));
    rows.forEach(index::add);
    return index;
  }

  /**
   * Persisting one index (read straight into columns when its rows come in stored order) writes
   * the bytes the general merge writes for the same rows (the index beside an empty one).
   */
  @Test
  void persistOfOneIndexWritesTheBytesOfTheGeneralMerge() throws Exception {
    for (boolean rollup : new boolean[] {true, false}) {
      for (int seed = 1; seed <= 4; seed++) {
        IncrementalIndex index = index(rows(seed * 700, seed), rollup);
        for (BlockCompression c : BlockCompression.values()) {
          String name = rollup + "-" + seed + "-" + c;
          File one = SegmentWriter.persist(index, HOUR, tmp.resolve("one-" + name).toFile(), c);
          File general = SegmentMerger.merge(List.of(index, new IncrementalIndex(schema(rollup))), HOUR,
              tmp.resolve("general-" + name).toFile(), index.getMetadata(), c);
          for (String file : new String[] {"version.bin", "factory.json", "meta.smoosh", "00000.smoosh"}) {
            assertTrue(Arrays.equals(java.nio.file.Files.readAllBytes(new File(general, file).toPath()),
                java.nio.file.Files.readAllBytes(new File(one, file).toPath())), name + " " + file);
          }
        }
      }
    }
  }

  @Test
  void persistedFormAnswersLikeTheIncrementalIndex() throws Exception {
    IncrementalIndex index = index(rows(3000, 1), true);
    File dir = SegmentWriter.persist(index, HOUR, tmp.resolve("p").toFile());
    try (PersistedSegment persisted = PersistedSegment.load(dir)) {
      assertEquals(index.numRows(), persisted.getNumRows());
      assertEquals(canonicalRows(index), canonicalRows(persisted));
      try (SegmentView a = index.open(); SegmentView b = persisted.open()) {
        assertEquals(a.getDimensionNames(), b.getDimensionNames());
        for (String dim : List.of("s", "tags", "empty")) {
          assertEquals(valueCounts(a, dim), valueCounts(b, dim), dim);
        }
        assertEquals(a.getColumnCapabilities("tags"), b.getColumnCapabilities("tags"));
        for (int m = 0; m < 60; m += 7) {
          Interval part = new Interval(HOUR.getStartMillis() + m * 60_000L, HOUR.getStartMillis() + (m + 9) * 60_000L,
              DateTimeZone.UTC);
          assertEquals(timeIndex(a).rowsIn(part).getCardinality(), timeIndex(b).rowsIn(part).getCardinality());
          assertEquals(count(a.makeCursor(part)), count(b.makeCursor(part)));
        }
        // Time bounds (read once from the first and last stored row) and intervals around and at them.
        assertEquals(a.getMinTime(), b.getMinTime());
        assertEquals(a.getMaxTime(), b.getMaxTime());
        long min = b.getMinTime();
        long max = b.getMaxTime();
        for (long[] ends : new long[][] {{min - 5, min}, {min - 5, min + 1}, {min, max}, {min, max + 1}, {max, max + 1},
            {max + 1, max + 9}, {min - 9, max + 9}, {min + 1, max}}) {
          Interval part = new Interval(ends[0], ends[1], DateTimeZone.UTC);
          assertEquals(count(a.makeCursor(part)), count(b.makeCursor(part)), part.toString());
          assertEquals(timeIndex(a).rowsIn(part).getCardinality(), timeIndex(b).rowsIn(part).getCardinality());
        }
        DictionaryEncodedValueIndex sIndex = b.getIndexSupplier("s").as(DictionaryEncodedValueIndex.class);
        ImmutableRoaringBitmap nulls = sIndex.getBitmap(sIndex.getId(null));
        Cursor filtered = b.makeCursor(HOUR, nulls);
        DimensionSelector s = filtered.getColumnSelectorFactory().makeDimensionSelector("s");
        int n = 0;
        for (; !filtered.isDone(); filtered.advance(), n++) {
          assertEquals(null, s.getObject());
        }
        assertEquals(nulls.getCardinality(), n);
      }
    }
  }

  @Test
  void mergingPartsEqualsPersistingAllRowsAtOnce() throws Exception {
    for (boolean rollup : new boolean[] {true, false}) {
      List<InputRow> all = rows(4000, 2);
      File whole = SegmentWriter.persist(index(all, rollup), HOUR, tmp.resolve("whole-" + rollup).toFile());
      List<Segment> parts = new ArrayList<>();
      for (int p = 0; p < 3; p++) {
        IncrementalIndex part = index(all.subList(p * all.size() / 3, (p + 1) * all.size() / 3), rollup);
        if (p < 2) {
          // intermediate parts as the appenderator writes them (fast LZ4) and uncompressed
          BlockCompression compression = p == 0 ? BlockCompression.LZ4_FAST : BlockCompression.UNCOMPRESSED;
          parts.add(PersistedSegment.load(SegmentWriter.persist(part, HOUR, tmp.resolve("part" + p + rollup).toFile(),
              compression)));
        } else {
          parts.add(part);
        }
      }
      File merged = SegmentMerger.merge(parts, HOUR, tmp.resolve("merged-" + rollup).toFile(), null);
      try (PersistedSegment a = PersistedSegment.load(whole); PersistedSegment b = PersistedSegment.load(merged)) {
        assertEquals(dump(a), dump(b), "rollup " + rollup);
        assertEquals(bitmaps(a), bitmaps(b), "rollup " + rollup);
        if (!rollup) {
          assertEquals(all.size(), b.getNumRows());
        } else {
          assertTrue(b.getNumRows() < all.size());
        }
      }
    }
  }

  private static String dump(Segment s) throws Exception {
    try (SegmentView v = s.open()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      SegmentDumper.dumpRows(v, true, out);
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  private static String bitmaps(Segment s) throws Exception {
    try (SegmentView v = s.open()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      SegmentDumper.dumpBitmaps(v, true, out);
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  private static TimeRangeIndex timeIndex(SegmentView v) {
    return v.getIndexSupplier(ColumnNames.TIME).as(TimeRangeIndex.class);
  }

  private static int count(Cursor c) {
    int n = 0;
    for (; !c.isDone(); c.advance()) {
      n++;
    }
    return n;
  }

  /** Value to row count, through the value index. */
  private static Map<String, Integer> valueCounts(SegmentView v, String dim) {
    Map<String, Integer> out = new TreeMap<>();
    DictionaryEncodedValueIndex index = v.getIndexSupplier(dim).as(DictionaryEncodedValueIndex.class);
    assertNotNull(index, dim);
    for (int id = 0; id < index.getCardinality(); id++) {
      out.put(String.valueOf(index.getValue(id)), index.getBitmap(id).getCardinality());
    }
    return out;
  }

  /** Every row as a string of its time and column values (typed), sorted: the same multiset in both forms. */
  private static List<String> canonicalRows(Segment segment) {
    List<String> rows = new ArrayList<>();
    try (SegmentView v = segment.open()) {
      Cursor c = v.makeCursor(HOUR);
      ColumnSelectorFactory f = c.getColumnSelectorFactory();
      List<String> columns = new ArrayList<>(v.getDimensionNames());
      METRICS.forEach(m -> columns.add(m.getName()));
      List<ColumnValueSelector> selectors = new ArrayList<>();
      for (String col : columns) {
        selectors.add(v.getColumnCapabilities(col) != null && v.getColumnCapabilities(col).type() == ValueType.STRING
            ? f.makeDimensionSelector(col) : f.makeColumnValueSelector(col));
      }
      ColumnValueSelector time = f.makeColumnValueSelector(ColumnNames.TIME);
      for (; !c.isDone(); c.advance()) {
        StringBuilder sb = new StringBuilder().append(time.getLong());
        for (int i = 0; i < columns.size(); i++) {
          Object o = selectors.get(i).getObject();
          sb.append('|').append(columns.get(i)).append('=').append(o instanceof Object[] a ? Arrays.toString(a) : o)
              .append(o == null ? "" : ":" + o.getClass().getSimpleName()).append(selectors.get(i).isNull());
        }
        rows.add(sb.toString());
      }
    }
    rows.sort(null);
    return rows;
  }
}
