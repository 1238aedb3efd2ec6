package io.kafkaindexing.segment.incremental;

import static io.kafkaindexing.segment.incremental.Rows.row;
import static io.kafkaindexing.segment.incremental.Rows.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.aggregation.CountAggregatorFactory;
import io.kafkaindexing.segment.aggregation.DoubleMaxAggregatorFactory;
import io.kafkaindexing.segment.aggregation.DoubleMinAggregatorFactory;
import io.kafkaindexing.segment.aggregation.DoubleSumAggregatorFactory;
import io.kafkaindexing.segment.aggregation.FloatMaxAggregatorFactory;
import io.kafkaindexing.segment.aggregation.FloatMinAggregatorFactory;
import io.kafkaindexing.segment.aggregation.FloatSumAggregatorFactory;
import io.kafkaindexing.segment.aggregation.LongFirstAggregatorFactory;
import io.kafkaindexing.segment.aggregation.LongMaxAggregatorFactory;
import io.kafkaindexing.segment.aggregation.LongMinAggregatorFactory;
import io.kafkaindexing.segment.aggregation.LongSumAggregatorFactory;
import io.kafkaindexing.segment.aggregation.SerializablePair;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.ColumnValueSelector;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.read.ColumnNames;
import io.kafkaindexing.segment.read.Cursor;
import io.kafkaindexing.segment.read.SegmentView;
import io.kafkaindexing.segment.row.InputRow;
import io.kafkaindexing.segment.row.MapBasedInputRow;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;
import org.junit.jupiter.api.Test;

class MetricStoreTest {
  private static final long HOUR_9 = t("2018-03-06T09:00:00Z");
  private static final Interval ALL_TIME = new Interval(0L, Long.MAX_VALUE / 2, DateTimeZone.UTC);

  /** Raw inputs covering nulls, missing values, unparseable ones, signed zeros, NaN and conversions. */
  private static final Object[] INPUTS = {null, "", "abc", 0L, -0.0d, 0.0d, 7L, -3L, 2.5d, -1.25d, Double.NaN,
      1e300, Long.MAX_VALUE, "12", " 4.75 ", List.of(5L), List.of(), 3.3f, Integer.valueOf(9), Boolean.TRUE};

  private static List<AggregatorFactory> primitiveMetrics(String field) {
    return List.of(new CountAggregatorFactory("count"), new LongSumAggregatorFactory("longSum", field, null),
        new LongMinAggregatorFactory("longMin", field, null), new LongMaxAggregatorFactory("longMax", field, null),
        new DoubleSumAggregatorFactory("doubleSum", field, null),
        new DoubleMinAggregatorFactory("doubleMin", field, null),
        new DoubleMaxAggregatorFactory("doubleMax", field, null), new FloatSumAggregatorFactory("floatSum", field, null),
        new FloatMinAggregatorFactory("floatMin", field, null), new FloatMaxAggregatorFactory("floatMax", field, null));
  }

  @Test
  void primitiveColumnsReadAsTheMetricsOwnAggregators() {
    for (AggregatorFactory metric : primitiveMetrics("x")) {
      InputRowSelectorFactory inputs = new InputRowSelectorFactory();
      MetricColumn column = MetricColumn.of(metric, inputs);
      assertFalse(column instanceof AggregatorMetricColumn, metric + " has a primitive column");
      // the reference keeps one aggregator of the factory per row, as every row did before the store
      MetricColumn reference = new AggregatorMetricColumn(metric, inputs);
      Random random = new Random(metric.getName().hashCode());
      int slots = 0;
      for (int i = 0; i < 30_000; i++) {
        Map<String, Object> event = new HashMap<>();
        int pick = random.nextInt(INPUTS.length + 1);
        if (pick < INPUTS.length) {
          event.put("x", INPUTS[pick]);
        }
        InputRow input = new MapBasedInputRow(HOUR_9, List.of(), event);
        int slot;
        if (slots == 0 || random.nextInt(3) == 0) {
          slot = slots++;
          reference.addRow(slot);
          column.addRow(slot);
        } else {
          slot = random.nextInt(slots);
        }
        Set<String> errors = new LinkedHashSet<>();
        Set<String> referenceErrors = new LinkedHashSet<>();
        inputs.set(input, errors);
        column.aggregate(slot);
        inputs.set(input, referenceErrors);
        reference.aggregate(slot);
        inputs.clear();
        assertEquals(referenceErrors, errors, metric + " parse errors of " + event);
      }
      assertTrue(slots > 2 * LongPages.PAGE_SIZE, "slots span several pages");
      for (int slot = 0; slot < slots; slot++) {
        String what = metric + " slot " + slot;
        assertEquals(reference.isNull(slot), column.isNull(slot), what);
        assertEquals(reference.get(slot), column.get(slot), what);
        assertEquals(reference.getLong(slot), column.getLong(slot), what);
        assertEquals(Double.doubleToRawLongBits(reference.getDouble(slot)),
            Double.doubleToRawLongBits(column.getDouble(slot)), what);
        assertEquals(Float.floatToRawIntBits(reference.getFloat(slot)), Float.floatToRawIntBits(column.getFloat(slot)),
            what);
      }
    }
  }

  @Test
  void otherMetricsKeepAnAggregatorPerRow() {
    InputRowSelectorFactory inputs = new InputRowSelectorFactory();
    assertInstanceOf(AggregatorMetricColumn.class, MetricColumn.of(new LongFirstAggregatorFactory("f", "x", null), inputs));
    assertInstanceOf(LongMetricColumn.class, MetricColumn.of(new LongSumAggregatorFactory("t", ColumnNames.TIME, null),
        inputs));
    assertInstanceOf(DoubleMetricColumn.class, MetricColumn.of(new DoubleSumAggregatorFactory("d", "x", null), inputs));
    assertInstanceOf(FloatMetricColumn.class, MetricColumn.of(new FloatMaxAggregatorFactory("f", "x", null), inputs));
    assertInstanceOf(CountMetricColumn.class, MetricColumn.of(new CountAggregatorFactory("c"), inputs));
  }

  @Test
  void rollupFoldsIntoTheRowsSlotsAndNullsStayNull() {
    IncrementalIndex index = new IncrementalIndex(IncrementalIndexSchema.builder()
        .minTimestamp(HOUR_9).queryGranularity(Granularities.HOUR).dimensionsSpec(DimensionsSpec.of(List.of("u")))
        .metrics(List.of(new CountAggregatorFactory("rows"), new LongSumAggregatorFactory("n", "n", null),
            new DoubleSumAggregatorFactory("d", "d", null), new LongMinAggregatorFactory("low", "n", null),
            new LongFirstAggregatorFactory("first", "n", null)))
        .build());
    index.add(row("2018-03-06T09:10:00Z", "u", "a", "n", 2, "d", -0.0));
    index.add(row("2018-03-06T09:20:00Z", "u", "b"));
    index.add(row("2018-03-06T09:05:00Z", "u", "a", "n", "3"));
    index.add(row("2018-03-06T09:30:00Z", "u", "b", "n", "not a number", "d", ""));
    index.add(row("2018-03-06T09:40:00Z", "u", "c", "d", -0.0));
    index.add(row("2018-03-06T09:50:00Z", "u", "c", "d", 1.5));
    assertEquals(3, index.numRows());
    List<List<Object>> read = readAll(index, "u", "rows", "n", "d", "low", "first");
    assertEquals(List.of(
        List.of("a", 2L, 5L, -0.0d, 2L, new SerializablePair(t("2018-03-06T09:05:00Z"), 3L)),
        Arrays.asList("b", 2L, null, null, null, new SerializablePair(t("2018-03-06T09:20:00Z"), null)),
        Arrays.asList("c", 2L, null, 1.5d, null, new SerializablePair(t("2018-03-06T09:40:00Z"), null))), read);
    try (SegmentView view = index.open()) {
      Cursor cursor = view.makeCursor(ALL_TIME);
      cursor.advance();
      ColumnSelectorFactory f = cursor.getColumnSelectorFactory();
      for (String metric : List.of("n", "d", "low")) {
        ColumnValueSelector s = f.makeColumnValueSelector(metric);
        assertTrue(s.isNull(), metric);
        assertEquals(0L, s.getLong(), metric);
        assertEquals(0d, s.getDouble(), metric);
      }
    }
  }

  @Test
  void rowsAcrossPageBoundariesReadTheirOwnValues() {
    IncrementalIndex index = new IncrementalIndex(IncrementalIndexSchema.builder()
        .minTimestamp(HOUR_9).queryGranularity(Granularities.NONE).dimensionsSpec(DimensionsSpec.of(List.of("u")))
        .metrics(List.of(new CountAggregatorFactory("rows"), new LongSumAggregatorFactory("n", "n", null),
            new DoubleSumAggregatorFactory("d", "d", null)))
        .rollup(false).build());
    int n = 3 * LongPages.PAGE_SIZE + 100;
    for (int i = 0; i < n; i++) {
      index.add(i % 7 == 0 ? row("2018-03-06T09:00:00Z", "u", "x" + (i % 3))
          : row("2018-03-06T09:00:00Z", "u", "x" + (i % 3), "n", i, "d", i / 4.0));
    }
    List<List<Object>> read = readAll(index, "rows", "n", "d");
    assertEquals(n, read.size());
    for (int i = 0; i < n; i++) {
      List<Object> expected = i % 7 == 0 ? Arrays.asList(1L, null, null) : List.of(1L, (long) i, i / 4.0);
      assertEquals(expected, read.get(i), "row " + i);
    }
  }

  @Test
  void estimatedBytesCountThePagesNotAnObjectPerMetric() {
    IncrementalIndex index = new IncrementalIndex(IncrementalIndexSchema.builder()
        .minTimestamp(HOUR_9).queryGranularity(Granularities.NONE).dimensionsSpec(DimensionsSpec.of(List.of()))
        .metrics(List.of(new CountAggregatorFactory("rows"), new LongSumAggregatorFactory("n", "n", null),
            new DoubleSumAggregatorFactory("d", "d", null)))
        .rollup(false).build());
    MetricStore alone = new MetricStore(index.metrics(), new InputRowSelectorFactory());
    long metricBytes = alone.baseBytes();
    int n = 4 * LongPages.PAGE_SIZE;
    for (int i = 0; i < n; i++) {
      metricBytes += alone.addRow(i);
    }
    // three full pages of longs a row, the presence bits of the two sums, the page headers
    assertTrue(metricBytes >= 24L * n + 2 * n / 8 && metricBytes < 24L * n + 2 * n / 8 + 1024, metricBytes + " bytes");
    List<AggregatorFactory> withFirst = new ArrayList<>(index.metrics());
    withFirst.add(new LongFirstAggregatorFactory("first", "n", null));
    MetricStore objects = new MetricStore(withFirst, new InputRowSelectorFactory());
    long objectBytes = 0;
    for (int i = 0; i < n; i++) {
      objectBytes += objects.addRow(i);
    }
    assertTrue(objectBytes - metricBytes + alone.baseBytes() >= (long) AggregatorMetricColumn.AGGREGATOR_BYTES * n,
        "an aggregator per row is counted");
  }

  /** Every row's values of {@code columns}, in cursor order, as objects. */
  private static List<List<Object>> readAll(IncrementalIndex index, String... columns) {
    List<List<Object>> rows = new ArrayList<>();
    try (SegmentView view = index.open()) {
      Cursor cursor = view.makeCursor(ALL_TIME);
      List<ColumnValueSelector> selectors = new ArrayList<>();
      for (String c : columns) {
        selectors.add(cursor.getColumnSelectorFactory().makeColumnValueSelector(c));
      }
      for (; !cursor.isDone(); cursor.advance()) {
        List<Object> row = new ArrayList<>();
        for (ColumnValueSelector s : selectors) {
          Object v = s.getObject();
          row.add(v instanceof List<?> l && l.size() == 1 ? l.get(0) : v);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @Test
  void nullOnlyInputReadsNullUntilAValueArrives() {
    InputRowSelectorFactory inputs = new InputRowSelectorFactory();
    MetricColumn sum = MetricColumn.of(new DoubleSumAggregatorFactory("d", "d", null), inputs);
    sum.addRow(0);
    inputs.set(row("2018-03-06T09:00:00Z"), new LinkedHashSet<>());
    sum.aggregate(0);
    assertTrue(sum.isNull(0));
    assertNull(sum.get(0));
    inputs.set(row("2018-03-06T09:00:00Z", "d", -0.0), new LinkedHashSet<>());
    sum.aggregate(0);
    assertFalse(sum.isNull(0));
    assertEquals(-0.0d, sum.get(0));
  }
}
