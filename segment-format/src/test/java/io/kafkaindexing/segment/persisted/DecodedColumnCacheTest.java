package io.kafkaindexing.segment.persisted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.segment.aggregation.CountAggregatorFactory;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.incremental.IncrementalIndex;
import io.kafkaindexing.segment.incremental.IncrementalIndexSchema;
import io.kafkaindexing.segment.row.MapBasedInputRow;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.joda.time.Interval;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DecodedColumnCache}'s bound and admission: columns read over and over in a cycle larger
 * than the cache keep a fixed part cached (least recently used eviction alone would cache nothing
 * useful), and columns asked for more often than the cached ones take their place.
 */
class DecodedColumnCacheTest {
  private static final Interval HOUR = Interval.parse("2018-03-06T10:00:00Z/2018-03-06T11:00:00Z");
  /** Bytes of one cached column of the test: a long[1000]. */
  private static final long COLUMN_BYTES = 16L + 8L * 1000;

  @TempDir
  Path tmp;
  private PersistedSegment segment;
  private final AtomicInteger decodes = new AtomicInteger();

  @BeforeEach
  void persistOneSegment() throws Exception {
    IncrementalIndex index = new IncrementalIndex(IncrementalIndexSchema.builder().minTimestamp(HOUR.getStartMillis())
        .queryGranularity(Granularities.NONE).dimensionsSpec(DimensionsSpec.of(List.of("s")))
        .metrics(new CountAggregatorFactory("count")).rollup(false).build());
    index.add(new MapBasedInputRow(HOUR.getStartMillis(), List.of("s"), Map.of("s", "a")));
    File dir = SegmentWriter.persist(index, HOUR, tmp.resolve("s").toFile());
    segment = PersistedSegment.load(dir);
  }

  private long[] read(DecodedColumnCache cache, String column) {
    return cache.get(segment, column, 'l', () -> {
      decodes.incrementAndGet();
      return new long[1000];
    });
  }

  @Test
  void aCycleLargerThanTheCacheKeepsAFixedPartCached() {
    DecodedColumnCache cache = new DecodedColumnCache(10 * COLUMN_BYTES);
    for (int round = 0; round < 6; round++) {
      decodes.set(0);
      for (int c = 0; c < 20; c++) {
        read(cache, "c" + c);
      }
      if (round == 0) {
        assertEquals(20, decodes.get());
      } else {
        assertEquals(10, decodes.get(), "round " + round + ": half of the columns are read from the cache");
      }
      assertTrue(cache.sizeBytes() <= cache.capacityBytes());
    }
  }

  @Test
  void columnsAskedForMoreOftenReplaceTheCachedOnes() {
    DecodedColumnCache cache = new DecodedColumnCache(10 * COLUMN_BYTES);
    for (int round = 0; round < 3; round++) {
      for (int c = 0; c < 20; c++) {
        read(cache, "old" + c);
      }
    }
    // a new workload: five other columns, over and over
    for (int round = 0; round < 10; round++) {
      decodes.set(0);
      for (int c = 0; c < 5; c++) {
        read(cache, "new" + c);
      }
    }
    assertEquals(0, decodes.get(), "the new columns are cached by now");
    decodes.set(0);
    read(cache, "old0");
    read(cache, "old19");
    assertTrue(decodes.get() >= 1, "old columns made room for them");
  }

  @Test
  void closingTheSegmentDropsItsEntriesAndAColumnLargerThanTheCacheIsNotKept() {
    DecodedColumnCache cache = new DecodedColumnCache(COLUMN_BYTES - 1);
    read(cache, "big");
    read(cache, "big");
    assertEquals(2, decodes.get());
    assertEquals(0, cache.sizeBytes());
    cache.setCapacityBytes(3 * COLUMN_BYTES);
    read(cache, "a");
    assertEquals(COLUMN_BYTES, cache.sizeBytes());
    cache.invalidate(segment);
    assertEquals(0, cache.sizeBytes());
  }
}
