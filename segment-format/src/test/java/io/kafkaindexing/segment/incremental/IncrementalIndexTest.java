package io.kafkaindexing.segment.incremental;

import static io.kafkaindexing.segment.incremental.Rows.row;
import static io.kafkaindexing.segment.incremental.Rows.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.segment.aggregation.CountAggregatorFactory;
import io.kafkaindexing.segment.aggregation.DoubleSumAggregatorFactory;
import io.kafkaindexing.segment.aggregation.LongSumAggregatorFactory;
import io.kafkaindexing.segment.column.ColumnCapabilities;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.ColumnValueSelector;
import io.kafkaindexing.segment.column.DimensionSelector;
import io.kafkaindexing.segment.column.IndexedInts;
import io.kafkaindexing.segment.column.ValueType;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.granularity.Granularity;
import io.kafkaindexing.segment.read.ColumnNames;
import io.kafkaindexing.segment.read.Cursor;
import io.kafkaindexing.segment.read.DictionaryEncodedValueIndex;
import io.kafkaindexing.segment.read.SegmentView;
import io.kafkaindexing.segment.read.TimeRangeIndex;
import io.kafkaindexing.segment.spec.DimensionSchema;
import io.kafkaindexing.segment.spec.DimensionSchema.MultiValueHandling;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import io.kafkaindexing.segment.spec.TimestampSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

class IncrementalIndexTest {
  private static final long HOUR_9 = t("2018-03-06T09:00:00Z");
  private static final Interval ALL_TIME = new Interval(0L, Long.MAX_VALUE / 2, DateTimeZone.UTC);

  private static IncrementalIndex index(Granularity granularity, boolean rollup, DimensionsSpec dims) {
    return new IncrementalIndex(IncrementalIndexSchema.builder()
        .minTimestamp(HOUR_9)
        .timestampSpec(new TimestampSpec("time", "auto", null))
        .queryGranularity(granularity)
        .dimensionsSpec(dims)
        .metrics(new CountAggregatorFactory("views"), new DoubleSumAggregatorFactory("latencyMs", "latencyMs", null))
        .rollup(rollup)
        .build());
  }

  private static IncrementalIndex seedIndex(Granularity granularity, boolean rollup) {
    IncrementalIndex index = index(granularity, rollup, DimensionsSpec.of(List.of("url", "user")));
    index.add(row("2018-03-06T09:57:58Z", "url", "/foo/bar", "user", "alice", "latencyMs", 32));
    index.add(row("2018-03-06T09:57:59Z", "url", "/", "user", "bob", "latencyMs", 11));
    index.add(row("2018-03-06T09:58:00Z", "url", "/foo/bar", "user", "bob", "latencyMs", 45));
    return index;
  }

  /** Every row of the view as "time|dim values...|metric values...". */
  private static List<String> dump(SegmentView view, Interval interval) {
    List<String> out = new ArrayList<>();
    Cursor cursor = view.makeCursor(interval);
    ColumnSelectorFactory f = cursor.getColumnSelectorFactory();
    ColumnValueSelector time = f.makeColumnValueSelector(ColumnNames.TIME);
    List<ColumnValueSelector> columns = new ArrayList<>();
    view.getDimensionNames().forEach(d -> columns.add(f.makeColumnValueSelector(d)));
    view.getMetricNames().forEach(m -> columns.add(f.makeColumnValueSelector(m)));
    for (; !cursor.isDone(); cursor.advance()) {
      StringBuilder sb = new StringBuilder(new org.joda.time.DateTime(time.getLong(), DateTimeZone.UTC).toString());
      columns.forEach(c -> sb.append('|').append(c.getObject()));
      out.add(sb.toString());
    }
    return out;
  }

  @Test
  void rollupMergesRowsWithEqualTruncatedTimeAndDimensions() {
    IncrementalIndex index = index(Granularities.HOUR, true, DimensionsSpec.of(List.of("url", "user")));
    index.add(row("2018-03-06T09:57:58Z", "url", "/foo/bar", "user", "bob", "latencyMs", 32));
    index.add(row("2018-03-06T09:10:00Z", "url", "/foo/bar", "user", "bob", "latencyMs", 8.5));
    index.add(row("2018-03-06T09:11:00Z", "url", "/", "user", "bob", "latencyMs", 1));
    index.add(row("2018-03-06T10:11:00Z", "url", "/", "user", "bob"));
    assertEquals(3, index.numRows());
    try (SegmentView view = index.open()) {
      // equal times read by dimension values under rollup ("/" before "/foo/bar"), as Druid does
      assertEquals(List.of(
          "2018-03-06T09:00:00.000Z|/|bob|1|1.0",
          "2018-03-06T09:00:00.000Z|/foo/bar|bob|2|40.5",
          "2018-03-06T10:00:00.000Z|/|bob|1|null"), dump(view, ALL_TIME));
    }
  }

  @Test
  void withoutRollupEveryRowIsKept() {
    IncrementalIndex index = index(Granularities.HOUR, false, DimensionsSpec.of(List.of("url", "user")));
    for (int i = 0; i < 3; i++) {
      index.add(row("2018-03-06T09:57:58Z", "url", "/", "user", "bob", "latencyMs", i));
    }
    assertEquals(3, index.numRows());
    try (SegmentView view = index.open()) {
      assertEquals(List.of("2018-03-06T09:00:00.000Z|/|bob|1|0.0", "2018-03-06T09:00:00.000Z|/|bob|1|1.0",
          "2018-03-06T09:00:00.000Z|/|bob|1|2.0"), dump(view, ALL_TIME));
    }
  }

  @Test
  void queryGranularityTruncatesRowTimesAndCursorIsTimeOrdered() {
    IncrementalIndex index = index(Granularities.MINUTE, true, DimensionsSpec.of(List.of("user")));
    index.add(row("2018-03-06T09:58:30Z", "user", "carol"));
    index.add(row("2018-03-06T09:57:59Z", "user", "bob"));
    index.add(row("2018-03-06T09:57:01Z", "user", "bob"));
    assertEquals(2, index.numRows());
    try (SegmentView view = index.open()) {
      assertEquals(List.of("2018-03-06T09:57:00.000Z|bob|2|null", "2018-03-06T09:58:00.000Z|carol|1|null"),
          dump(view, ALL_TIME));
      assertEquals(List.of("2018-03-06T09:58:00.000Z|carol|1|null"),
          dump(view, new Interval(t("2018-03-06T09:58:00Z"), t("2018-03-06T10:00:00Z"), DateTimeZone.UTC)));
      assertEquals(List.of(), dump(view, new Interval(t("2018-03-06T09:57:30Z"), t("2018-03-06T09:58:00Z"),
          DateTimeZone.UTC)));
    }
  }

  @Test
  void seedRowsWithGranularityNoneAreThreeRows() {
    IncrementalIndex index = seedIndex(Granularities.NONE, true);
    try (SegmentView view = index.open()) {
      assertEquals(List.of(
          "2018-03-06T09:57:58.000Z|/foo/bar|alice|1|32.0",
          "2018-03-06T09:57:59.000Z|/|bob|1|11.0",
          "2018-03-06T09:58:00.000Z|/foo/bar|bob|1|45.0"), dump(view, ALL_TIME));
      assertEquals(List.of("url", "user"), view.getDimensionNames());
      assertEquals(List.of("views", "latencyMs"), view.getMetricNames());
      assertEquals(new ColumnCapabilities(ValueType.STRING, true, true, false), view.getColumnCapabilities("user"));
      assertEquals(ValueType.DOUBLE, view.getColumnCapabilities("latencyMs").type());
      assertEquals(ValueType.LONG, view.getColumnCapabilities("views").type());
      assertNull(view.getColumnCapabilities("nope"));
    }
  }

  @Test
  void bitmapsHoldTheRowsAddedBetweenReadersAndDiscoveredDimensionsStartNull() {
    IncrementalIndex index = new IncrementalIndex(IncrementalIndexSchema.builder().minTimestamp(t("2018-03-06T00:00:00Z"))
        .queryGranularity(Granularities.NONE).dimensionsSpec(new DimensionsSpec(List.of(), null, null, null))
        .metrics(new CountAggregatorFactory("count")).rollup(true).build());
    index.add(row("2018-03-06T09:00:00Z", "user", "alice"));
    try (SegmentView view = index.open()) {
      DictionaryEncodedValueIndex users = view.getIndexSupplier("user").as(DictionaryEncodedValueIndex.class);
      assertEquals(MutableRoaringBitmap.bitmapOf(0), users.getBitmap(users.getId("alice")));
    }
    index.add(row("2018-03-06T09:00:01Z", "user", "bob", "page", "x"));
    index.add(row("2018-03-06T09:00:02Z", "user", "alice"));
    index.add(row("2018-03-06T09:00:02Z", "user", "alice", "page", null)); // rolls up into the row before
    try (SegmentView view = index.open()) {
      DictionaryEncodedValueIndex users = view.getIndexSupplier("user").as(DictionaryEncodedValueIndex.class);
      assertEquals(MutableRoaringBitmap.bitmapOf(0, 2), users.getBitmap(users.getId("alice")));
      assertEquals(MutableRoaringBitmap.bitmapOf(1), users.getBitmap(users.getId("bob")));
      DictionaryEncodedValueIndex pages = view.getIndexSupplier("page").as(DictionaryEncodedValueIndex.class);
      assertEquals(MutableRoaringBitmap.bitmapOf(0, 2), pages.getBitmap(pages.getId(null)));
      assertEquals(MutableRoaringBitmap.bitmapOf(1), pages.getBitmap(pages.getId("x")));
      assertEquals(3, view.getNumRows());
    }
  }

  @Test
  void stringDimensionsAreDictionaryEncodedWithBitmaps() {
    IncrementalIndex index = seedIndex(Granularities.NONE, true);
    try (SegmentView view = index.open()) {
      DictionaryEncodedValueIndex users = view.getIndexSupplier("user").as(DictionaryEncodedValueIndex.class);
      assertNotNull(users);
      assertNull(view.getIndexSupplier("user").as(TimeRangeIndex.class));
      assertEquals(2, users.getCardinality());
      assertEquals(-1, users.getId(null));
      int bob = users.getId("bob");
      assertEquals("bob", users.getValue(bob));
      assertEquals(MutableRoaringBitmap.bitmapOf(1, 2), users.getBitmap(bob));
      assertEquals(MutableRoaringBitmap.bitmapOf(0), users.getBitmap(users.getId("alice")));
      assertTrue(users.getBitmap(99).isEmpty());

      Cursor cursor = view.makeCursor(ALL_TIME);
      DimensionSelector user = cursor.getColumnSelectorFactory().makeDimensionSelector("user");
      assertTrue(user.nameLookupPossibleInAdvance());
      assertEquals(2, user.getValueCardinality());
      List<String> seen = new ArrayList<>();
      for (; !cursor.isDone(); cursor.advance()) {
        IndexedInts ids = user.getRow();
        assertEquals(1, ids.size());
        seen.add(user.lookupName(ids.get(0)));
        assertTrue(users.getBitmap(ids.get(0)).contains(cursor.getRowId()));
      }
      assertEquals(List.of("alice", "bob", "bob"), seen);

      TimeRangeIndex time = view.getIndexSupplier(ColumnNames.TIME).as(TimeRangeIndex.class);
      assertEquals(MutableRoaringBitmap.bitmapOf(1, 2),
          time.rowsIn(new Interval(t("2018-03-06T09:57:59Z"), t("2018-03-06T10:00:00Z"), DateTimeZone.UTC)));
      assertEquals(1, view.getNumRows() - time.rowsIn(new Interval(t("2018-03-06T09:57:59Z"),
          t("2018-03-06T10:00:00Z"), DateTimeZone.UTC)).getCardinality());
    }
  }

  @Test
  void cursorHonoursRowFilterAndReset() {
    IncrementalIndex index = seedIndex(Granularities.NONE, true);
    try (SegmentView view = index.open()) {
      Cursor cursor = view.makeCursor(ALL_TIME, MutableRoaringBitmap.bitmapOf(0, 2));
      List<Integer> ids = new ArrayList<>();
      for (; !cursor.isDone(); cursor.advance()) {
        ids.add(cursor.getRowId());
      }
      cursor.reset();
      assertEquals(0, cursor.getRowId());
      assertEquals(List.of(0, 2), ids);
    }
  }

  @Test
  void multiValueStringsFromJsonArrays() {
    DimensionsSpec dims = new DimensionsSpec(List.of(
        new DimensionSchema("sorted", "string", MultiValueHandling.SORTED_ARRAY, null),
        new DimensionSchema("set", "string", MultiValueHandling.SORTED_SET, null),
        new DimensionSchema("array", "string", MultiValueHandling.ARRAY, null)), null, null, null);
    IncrementalIndex index = index(Granularities.NONE, true, dims);
    List<Object> tags = Arrays.asList("b", "a", "b");
    index.add(row("2018-03-06T09:00:00Z", "sorted", tags, "set", tags, "array", tags));
    index.add(row("2018-03-06T09:00:01Z", "sorted", List.of("x"), "set", List.of(), "array", Arrays.asList("z", null)));
    try (SegmentView view = index.open()) {
      assertEquals(List.of("2018-03-06T09:00:00.000Z|[a, b, b]|[a, b]|[b, a, b]|1|null",
          "2018-03-06T09:00:01.000Z|x|null|[z, null]|1|null"), dump(view, ALL_TIME));
      assertTrue(view.getColumnCapabilities("sorted").hasMultipleValues());
      DictionaryEncodedValueIndex set = view.getIndexSupplier("set").as(DictionaryEncodedValueIndex.class);
      assertEquals(MutableRoaringBitmap.bitmapOf(0), set.getBitmap(set.getId("b")));
      assertEquals(MutableRoaringBitmap.bitmapOf(1), set.getBitmap(set.getId(null)));
      DictionaryEncodedValueIndex array = view.getIndexSupplier("array").as(DictionaryEncodedValueIndex.class);
      assertEquals(MutableRoaringBitmap.bitmapOf(1), array.getBitmap(array.getId(null)));
      Cursor cursor = view.makeCursor(ALL_TIME);
      DimensionSelector sorted = cursor.getColumnSelectorFactory().makeDimensionSelector("sorted");
      assertEquals(3, sorted.getRow().size());
    }
  }

  @Test
  void nullsAndEmptyStringsStayDistinct() {
    IncrementalIndex index = index(Granularities.NONE, false, DimensionsSpec.of(List.of("user")));
    index.add(row("2018-03-06T09:00:00Z", "user", ""));
    index.add(row("2018-03-06T09:00:01Z", "user", null));
    index.add(row("2018-03-06T09:00:02Z"));
    index.add(row("2018-03-06T09:00:03Z", "user", "bob"));
    try (SegmentView view = index.open()) {
      DictionaryEncodedValueIndex users = view.getIndexSupplier("user").as(DictionaryEncodedValueIndex.class);
      assertEquals(3, users.getCardinality());
      assertEquals(MutableRoaringBitmap.bitmapOf(0), users.getBitmap(users.getId("")));
      assertEquals(MutableRoaringBitmap.bitmapOf(1, 2), users.getBitmap(users.getId(null)));
      Cursor cursor = view.makeCursor(ALL_TIME);
      DimensionSelector user = cursor.getColumnSelectorFactory().makeDimensionSelector("user");
      List<String> values = new ArrayList<>();
      for (; !cursor.isDone(); cursor.advance()) {
        values.add(user.lookupName(user.getRow().get(0)));
        assertEquals(values.get(values.size() - 1), user.getObject());
      }
      assertEquals(Arrays.asList("", null, null, "bob"), values);
    }
  }

  @Test
  void typedDimensionsStoreNumbersAndReportUnparseableValues() {
    DimensionsSpec dims = new DimensionsSpec(List.of(new DimensionSchema("l", "long", null, null),
        new DimensionSchema("d", "double", null, null), new DimensionSchema("f", "float", null, null)),
        null, null, null);
    IncrementalIndex index = index(Granularities.HOUR, true, dims);
    assertFalse(index.add(row("2018-03-06T09:00:00Z", "l", "12", "d", 1.5, "f", 2)).hasParseErrors());
    assertFalse(index.add(row("2018-03-06T09:10:00Z", "l", 12L, "d", "1.5", "f", 2.0f)).hasParseErrors());
    IncrementalIndexAddResult bad = index.add(row("2018-03-06T09:00:00Z", "l", "abc", "d", "", "latencyMs", "x"));
    assertEquals(2, index.numRows());
    assertEquals(2, bad.parseErrors().size(), bad.parseErrors().toString());
    assertTrue(bad.parseErrors().get(0).contains("dimension[l]"), bad.parseErrors().toString());
    assertTrue(bad.parseErrors().get(1).contains("field[latencyMs]"), bad.parseErrors().toString());
    try (SegmentView view = index.open()) {
      // nulls before values among rows of equal time under rollup
      assertEquals(List.of("2018-03-06T09:00:00.000Z|null|null|null|1|null", "2018-03-06T09:00:00.000Z|12|1.5|2.0|2|null"),
          dump(view, ALL_TIME));
      assertEquals(ColumnCapabilities.simple(ValueType.LONG), view.getColumnCapabilities("l"));
      assertEquals(ValueType.FLOAT, view.getColumnCapabilities("f").type());
      assertNull(view.getIndexSupplier("l"));
      Cursor cursor = view.makeCursor(ALL_TIME);
      DimensionSelector asString = cursor.getColumnSelectorFactory().makeDimensionSelector("d");
      cursor.advance(); // past the row of nulls
      assertEquals("1.5", asString.lookupName(asString.getRow().get(0)));
      assertEquals(DimensionSelector.CARDINALITY_UNKNOWN, asString.getValueCardinality());
    }
  }

  @Test
  void schemalessDiscoversDimensionsExcludingTimestampAndMetricInputs() {
    IncrementalIndex index = index(Granularities.NONE, true, new DimensionsSpec(null, List.of("secret"), null, null));
    index.add(row("2018-03-06T09:00:00Z", "time", "2018-03-06T09:00:00Z", "user", "bob", "latencyMs", 3,
        "secret", "s"));
    index.add(row("2018-03-06T09:00:01Z", "user", "alice", "country", "NZ"));
    assertEquals(List.of("user", "country"), index.getDimensionNames());
    try (SegmentView view = index.open()) {
      assertEquals(List.of("2018-03-06T09:00:00.000Z|bob|null|1|3.0", "2018-03-06T09:00:01.000Z|alice|NZ|1|null"),
          dump(view, ALL_TIME));
      DictionaryEncodedValueIndex country = view.getIndexSupplier("country").as(DictionaryEncodedValueIndex.class);
      assertEquals(MutableRoaringBitmap.bitmapOf(0), country.getBitmap(country.getId(null)));
      assertEquals(MutableRoaringBitmap.bitmapOf(1), country.getBitmap(country.getId("NZ")));
    }
  }

  @Test
  void rowsFromBeforeAndAfterDiscoveryRollUpTogether() {
    IncrementalIndex index = index(Granularities.HOUR, true, new DimensionsSpec(null, null, null, null));
    index.add(row("2018-03-06T09:00:00Z", "user", "bob"));
    index.add(row("2018-03-06T09:00:01Z", "user", "alice", "country", "NZ"));
    index.add(row("2018-03-06T09:00:02Z", "user", "bob", "country", null));
    assertEquals(2, index.numRows());
  }

  @Test
  void listedDimensionsOnlyWhenSpecDoesNotDiscover() {
    IncrementalIndex index = index(Granularities.NONE, true, DimensionsSpec.of(List.of("user")));
    index.add(row("2018-03-06T09:00:00Z", "user", "bob", "country", "NZ"));
    assertEquals(List.of("user"), index.getDimensionNames());
  }

  @Test
  void rowsBelowMinTimestampAreRefusedNamingBothTimes() {
    IncrementalIndex index = seedIndex(Granularities.NONE, true);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> index.add(row("2018-03-06T08:59:59Z", "user", "x")));
    assertTrue(e.getMessage().contains("2018-03-06T08:59:59.000Z"), e.getMessage());
    assertTrue(e.getMessage().contains("minTimestamp[2018-03-06T09:00:00.000Z]"), e.getMessage());
    assertEquals(3, index.numRows());
  }

  @Test
  void dataIntervalFollowsDruidsRule() {
    IncrementalIndex none = index(Granularities.NONE, true, DimensionsSpec.of(List.of("user")));
    assertTrue(none.isEmpty());
    assertEquals(new Interval(HOUR_9, HOUR_9, DateTimeZone.UTC), none.dataInterval());
    none.add(row("2018-03-06T09:57:58Z", "user", "a"));
    none.add(row("2018-03-06T09:30:00Z", "user", "b"));
    assertFalse(none.isEmpty());
    assertEquals(new Interval(HOUR_9, t("2018-03-06T09:57:58.001Z"), DateTimeZone.UTC), none.dataInterval());
    assertEquals(none.dataInterval(), none.getDataInterval());

    IncrementalIndex minute = index(Granularities.MINUTE, true, DimensionsSpec.of(List.of("user")));
    minute.add(row("2018-03-06T09:57:58Z", "user", "a"));
    assertEquals(new Interval(HOUR_9, t("2018-03-06T09:58:00Z"), DateTimeZone.UTC), minute.dataInterval());
    try (SegmentView view = minute.open()) {
      assertEquals(minute.dataInterval(), view.getDataInterval());
    }
  }

  @Test
  void estimatedBytesGrowWithRowsAndValues() {
    IncrementalIndex index = index(Granularities.NONE, false, DimensionsSpec.of(List.of("user")));
    assertEquals(0, index.estimatedBytesInMemory());
    index.add(row("2018-03-06T09:00:00Z", "user", "bob"));
    long one = index.estimatedBytesInMemory();
    assertTrue(one > 100, "one row costs " + one);
    index.add(row("2018-03-06T09:00:00Z", "user", "bob"));
    long two = index.estimatedBytesInMemory();
    assertTrue(two > one && two < 2 * one, one + " then " + two);
    for (int i = 0; i < 1000; i++) {
      index.add(row("2018-03-06T09:00:00Z", "user", "user-" + i));
    }
    assertTrue(index.estimatedBytesInMemory() > 1000 * 150, "1002 rows cost " + index.estimatedBytesInMemory());
  }

  @Test
  void aRowOfSeveralValuesCostsItsValuesOnceSomeRowHadSeveral() {
    IncrementalIndex index = index(Granularities.NONE, false, DimensionsSpec.of(List.of("tags")));
    index.add(row("2018-03-06T09:00:00Z", "tags", "a"));
    long before = index.estimatedBytesInMemory();
    index.add(row("2018-03-06T09:00:00Z", "tags", "a"));
    long single = index.estimatedBytesInMemory() - before;
    index.add(row("2018-03-06T09:00:00Z", "tags", List.of("a", "b", "c")));
    before = index.estimatedBytesInMemory();
    index.add(row("2018-03-06T09:00:00Z", "tags", List.of("a", "b", "c")));
    long three = index.estimatedBytesInMemory() - before;
    before = index.estimatedBytesInMemory();
    index.add(row("2018-03-06T09:00:00Z", "tags", "b"));
    assertEquals(single, index.estimatedBytesInMemory() - before, "a single value costs what it did");
    // per extra value: 4 bytes of the row's encoded array and 2 of bitmap growth
    assertEquals(single + 2 * (4 + 2), three);
  }

  @Test
  void metricsReadTheStoredAggregates() {
    IncrementalIndex index = new IncrementalIndex(IncrementalIndexSchema.builder()
        .minTimestamp(HOUR_9).queryGranularity(Granularities.HOUR).dimensionsSpec(DimensionsSpec.of(List.of("u")))
        .metrics(List.of(new LongSumAggregatorFactory("n", "n", null))).build());
    index.add(row("2018-03-06T09:00:00Z", "u", "a", "n", 2));
    index.add(row("2018-03-06T09:00:00Z", "u", "a", "n", "3"));
    try (SegmentView view = index.open()) {
      Cursor cursor = view.makeCursor(ALL_TIME);
      ColumnValueSelector n = cursor.getColumnSelectorFactory().makeColumnValueSelector("n");
      assertEquals(5L, n.getLong());
      assertTrue(cursor.getColumnSelectorFactory().makeColumnValueSelector("absent").isNull());
    }
  }

  @Test
  void closedViewRefusesUseAndCloseIsIdempotent() {
    IncrementalIndex index = seedIndex(Granularities.NONE, true);
    SegmentView view = index.open();
    view.close();
    view.close();
    assertThrows(IllegalStateException.class, view::getNumRows);
    index.add(row("2018-03-06T09:59:00Z", "user", "x"));
    assertEquals(4, index.numRows());
  }
}
