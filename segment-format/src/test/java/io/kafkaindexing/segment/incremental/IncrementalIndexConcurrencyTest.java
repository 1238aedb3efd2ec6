package io.kafkaindexing.segment.incremental;

import static io.kafkaindexing.segment.incremental.Rows.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.segment.aggregation.CountAggregatorFactory;
import io.kafkaindexing.segment.aggregation.LongSumAggregatorFactory;
import io.kafkaindexing.segment.column.ColumnSelectorFactory;
import io.kafkaindexing.segment.column.ColumnValueSelector;
import io.kafkaindexing.segment.column.DimensionSelector;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.read.ColumnNames;
import io.kafkaindexing.segment.read.Cursor;
import io.kafkaindexing.segment.read.DictionaryEncodedValueIndex;
import io.kafkaindexing.segment.read.SegmentView;
import io.kafkaindexing.segment.read.TimeRangeIndex;
import io.kafkaindexing.segment.row.MapBasedInputRow;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;
import org.junit.jupiter.api.Test;

/**
 * One thread adds rows while others query: every view must be a consistent snapshot (row counts,
 * bitmaps, time index and both metrics agree) and what readers see only grows.
 */
class IncrementalIndexConcurrencyTest {
  private static final int ROWS = 30_000;
  private static final int READERS = 3;

  @Test
  void readersSeeConsistentSnapshotsWhileOneThreadAdds() throws Exception {
    long hour = t("2018-03-06T09:00:00Z");
    IncrementalIndex index = new IncrementalIndex(IncrementalIndexSchema.builder()
        .minTimestamp(hour)
        .queryGranularity(Granularities.MINUTE)
        .dimensionsSpec(new DimensionsSpec(null, null, null, null))
        .metrics(new CountAggregatorFactory("views"), new LongSumAggregatorFactory("ones", "one", null))
        .build());
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger snapshots = new AtomicInteger();
    AtomicInteger nonEmptySnapshots = new AtomicInteger();
    AtomicInteger counter = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(READERS + 1,
        r -> new Thread(r, "index-test-" + counter.incrementAndGet()));
    try {
      List<Future<?>> futures = new ArrayList<>();
      futures.add(pool.submit(() -> {
        try {
          for (int i = 0; i < ROWS; i++) {
            long time = hour + (i % 3600) * 1000L;
            Map<String, Object> event = Map.of("user", "u" + (i % 500), "one", 1);
            index.add(new MapBasedInputRow(time, List.of("user", "one"), event));
          }
        } finally {
          writing.set(false);
        }
        return null;
      }));
      for (int r = 0; r < READERS; r++) {
        futures.add(pool.submit(() -> {
          long previousViews = 0;
          do {
            long views = checkSnapshot(index);
            assertTrue(views >= previousViews, "views went from " + previousViews + " to " + views);
            previousViews = views;
            snapshots.incrementAndGet();
            if (views > 0 && views < ROWS) {
              nonEmptySnapshots.incrementAndGet();
            }
          } while (writing.get());
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(ROWS, checkSnapshot(index));
    assertTrue(snapshots.get() > READERS, "readers took " + snapshots.get() + " snapshots");
    assertTrue(nonEmptySnapshots.get() > 0, "no reader saw the index mid-ingestion");
  }

  /** Checks one view's invariants; returns the total of the count metric. */
  private static long checkSnapshot(IncrementalIndex index) {
    try (SegmentView view = index.open()) {
      Interval all = new Interval(0L, Long.MAX_VALUE / 2, DateTimeZone.UTC);
      Cursor cursor = view.makeCursor(all);
      ColumnSelectorFactory f = cursor.getColumnSelectorFactory();
      ColumnValueSelector views = f.makeColumnValueSelector("views");
      ColumnValueSelector ones = f.makeColumnValueSelector("ones");
      ColumnValueSelector time = f.makeColumnValueSelector(ColumnNames.TIME);
      DimensionSelector user = f.makeDimensionSelector("user");
      long totalViews = 0;
      long totalOnes = 0;
      int rows = 0;
      long lastTime = Long.MIN_VALUE;
      for (; !cursor.isDone(); cursor.advance()) {
        totalViews += views.getLong();
        totalOnes += ones.getLong();
        assertTrue(time.getLong() >= lastTime, "cursor not in time order");
        lastTime = time.getLong();
        assertTrue(user.lookupName(user.getRow().get(0)).startsWith("u"));
        rows++;
      }
      assertEquals(view.getNumRows(), rows);
      assertEquals(totalViews, totalOnes);
      if (rows == 0) {
        return 0;
      }
      DictionaryEncodedValueIndex users = view.getIndexSupplier("user").as(DictionaryEncodedValueIndex.class);
      long bitmapRows = 0;
      for (int id = 0; id < users.getCardinality(); id++) {
        bitmapRows += users.getBitmap(id).getCardinality();
      }
      assertEquals(rows, bitmapRows);
      TimeRangeIndex timeIndex = view.getIndexSupplier(ColumnNames.TIME).as(TimeRangeIndex.class);
      assertEquals(rows, timeIndex.rowsIn(view.getDataInterval()).getCardinality());
      return totalViews;
    }
  }
}
