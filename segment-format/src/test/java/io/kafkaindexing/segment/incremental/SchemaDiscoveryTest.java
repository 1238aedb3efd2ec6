package io.kafkaindexing.segment.incremental;

import static io.kafkaindexing.segment.incremental.Rows.row;
import static io.kafkaindexing.segment.incremental.Rows.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.segment.aggregation.CountAggregatorFactory;
import io.kafkaindexing.segment.column.ColumnCapabilities;
import io.kafkaindexing.segment.column.ColumnValueSelector;
import io.kafkaindexing.segment.column.DimensionSelector;
import io.kafkaindexing.segment.column.ValueType;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.read.Cursor;
import io.kafkaindexing.segment.read.SegmentView;
import io.kafkaindexing.segment.spec.DimensionSchema;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import io.kafkaindexing.segment.spec.TimestampSpec;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;
import org.junit.jupiter.api.Test;

/** {@code useSchemaDiscovery} type detection and {@code createBitmapIndex}, on the incremental index. */
class SchemaDiscoveryTest {
  private static final Interval ALL = new Interval(0L, Long.MAX_VALUE / 2, DateTimeZone.UTC);

  private static IncrementalIndex index(DimensionsSpec dims) {
    return new IncrementalIndex(IncrementalIndexSchema.builder().minTimestamp(t("2018-03-06T00:00:00Z"))
        .timestampSpec(new TimestampSpec("time", "auto", null)).queryGranularity(Granularities.NONE)
        .dimensionsSpec(dims).metrics(new CountAggregatorFactory("count")).rollup(false).build());
  }

  private static List<Object> values(SegmentView view, String column) {
    List<Object> out = new ArrayList<>();
    Cursor cursor = view.makeCursor(ALL);
    ColumnValueSelector selector = cursor.getColumnSelectorFactory().makeColumnValueSelector(column);
    for (; !cursor.isDone(); cursor.advance()) {
      out.add(selector.getObject());
    }
    return out;
  }

  @Test
  void typesAreDetectedAndWidenedLikeDruidsAutoColumns() {
    IncrementalIndex index = index(new DimensionsSpec(List.of(DimensionSchema.of("listed")), null, null, true));
    index.add(row("2018-03-06T00:00:00Z", "listed", 1, "l", 1L, "d", 2L, "s", 3L, "nulls", null, "tags",
        List.of("b", "a")));
    index.add(row("2018-03-06T00:00:01Z", "listed", 2, "l", 7, "d", 2.5, "s", "x", "tags", List.of("c")));
    try (SegmentView view = index.open()) {
      assertEquals(List.of("listed", "l", "d", "s", "nulls", "tags"), view.getDimensionNames());
      assertEquals(ValueType.STRING, view.getColumnCapabilities("listed").type(), "listed dimensions keep their type");
      assertEquals(ColumnCapabilities.simple(ValueType.LONG), view.getColumnCapabilities("l"));
      assertEquals(ValueType.DOUBLE, view.getColumnCapabilities("d").type(), "long then double widens to double");
      assertEquals(ValueType.STRING, view.getColumnCapabilities("s").type(), "number then string widens to string");
      assertEquals(ValueType.STRING, view.getColumnCapabilities("nulls").type(), "all nulls is a string column");
      assertTrue(view.getColumnCapabilities("tags").hasMultipleValues());
      assertEquals(List.of(1L, 7L), values(view, "l"));
      assertEquals(List.of(2.0, 2.5), values(view, "d"));
      assertEquals(List.of("3", "x"), values(view, "s"));
      assertEquals(List.of(List.of("b", "a"), "c"), values(view, "tags"));
      assertNull(view.getIndexSupplier("l"));
      Cursor cursor = view.makeCursor(ALL);
      DimensionSelector asStrings = cursor.getColumnSelectorFactory().makeDimensionSelector("d");
      assertEquals("2.0", asStrings.lookupName(asStrings.getRow().get(0)));
    }
  }

  @Test
  void withoutSchemaDiscoveryDiscoveredDimensionsAreStrings() {
    IncrementalIndex index = index(new DimensionsSpec(null, null, null, null));
    index.add(row("2018-03-06T00:00:00Z", "n", 5L));
    try (SegmentView view = index.open()) {
      assertEquals(ValueType.STRING, view.getColumnCapabilities("n").type());
      assertTrue(view.getColumnCapabilities("n").dictionaryEncoded());
    }
  }

  @Test
  void createBitmapIndexFalseKeepsTheDictionaryButNoBitmaps() {
    IncrementalIndex index = index(new DimensionsSpec(List.of(new DimensionSchema("user", "string", null, false),
        DimensionSchema.of("page")), null, null, null));
    index.add(row("2018-03-06T00:00:00Z", "user", "bob", "page", "/"));
    try (SegmentView view = index.open()) {
      assertFalse(view.getColumnCapabilities("user").hasBitmapIndexes());
      assertNull(view.getIndexSupplier("user"));
      assertTrue(view.getColumnCapabilities("page").hasBitmapIndexes());
      assertEquals(List.of("bob"), values(view, "user"));
    }
  }
}
