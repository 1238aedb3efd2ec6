package io.kafkaindexing.segment.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/**
 * The runs of times plus the late times answer as one map of time to ids in arrival order would:
 * checked against a {@link TreeMap} on in-order, interleaved, shuffled and repeating times.
 */
class TimeOrderedRowsTest {
  @Test
  void sortingLeavesTimesOfOneRowAloneAndOrdersTheOthersAcrossReads() {
    TimeOrderedRows index = new TimeOrderedRows(true);
    // the order: by key descending, ties by id (arrival); ids are row ids 0..
    int[] key = {5, 9, 1, 7, 3, 9, 0, 8, 2, 6, 4, 9};
    IntComparator order = (a, b) -> Integer.compare(key[b], key[a]);
    for (int id = 0; id < 4; id++) {
      index.add(100L * id, id);
    }
    assertTrue(!index.hasPending(), "a time holding one row needs no sort");
    index.add(0L, 4);
    index.add(100L, 5);
    index.add(0L, 6);
    assertTrue(index.hasPending());
    index.sortPending(order);
    assertEquals(List.of(0, 4, 6), ids(index.idsAt(0L)));
    assertEquals(List.of(1, 5), ids(index.idsAt(100L)));
    assertEquals(List.of(2), ids(index.idsAt(200L)));
    for (int id = 7; id < 12; id++) {
      index.add(id % 2 == 0 ? 0L : 200L, id);
    }
    index.sortPending(order);
    assertEquals(List.of(0, 10, 4, 8, 6), ids(index.idsAt(0L)));
    assertEquals(List.of(11, 7, 9, 2), ids(index.idsAt(200L)));
    assertEquals(List.of(3), ids(index.idsAt(300L)));
    assertTrue(!index.hasPending());
  }

  @Test
  void twoReadersOfOneRangeStepInTurnsAndEachReadsItsOwnIds() {
    TimeOrderedRows index = new TimeOrderedRows(false);
    long[] times = {30, 10, 40, 20, 50, 20, 60};
    for (int id = 0; id < times.length; id++) {
      index.add(times[id], id); // two runs (10.. and 20.. interleave with 30/40), one time with two ids
    }
    for (long start : new long[] {0, 35}) {
      java.util.Iterator<TimeOrderedRows.IdList> a = index.range(start, 100).iterator();
      java.util.Iterator<TimeOrderedRows.IdList> b = index.range(start, 100).iterator();
      List<List<Integer>> fromA = new ArrayList<>();
      List<List<Integer>> fromB = new ArrayList<>();
      while (a.hasNext()) {
        TimeOrderedRows.IdList x = a.next();
        TimeOrderedRows.IdList y = b.next();
        fromA.add(ids(x));
        fromB.add(ids(y));
      }
      List<List<Integer>> want = start == 0
          ? List.of(List.of(1), List.of(3, 5), List.of(0), List.of(2), List.of(4), List.of(6))
          : List.of(List.of(2), List.of(4), List.of(6));
      assertEquals(want, fromA);
      assertEquals(want, fromB);
    }
  }

  @Test
  void aTimeNotFoundIsFoundOnceAdded() {
    TimeOrderedRows index = new TimeOrderedRows(false);
    index.add(10L, 0);
    assertEquals(null, index.idsAt(5L));
    index.add(7L, 1);
    assertEquals(null, index.idsAt(5L));
    index.add(5L, 2);
    assertEquals(List.of(1), ids(index.idsAt(7L)));
    assertEquals(List.of(2), ids(index.idsAt(5L)));
    assertEquals(null, index.idsAt(6L));
    assertEquals(List.of(0), ids(index.idsAt(10L)));
    assertEquals(null, index.idsAt(6L));
  }

  @Test
  void inOrderTimes() {
    check(new Random(1), 2_000, (random, i) -> 1_000L + 7L * i);
  }

  @Test
  void nearlyInOrderTimesFromTwoInterleavedSources() {
    // two partitions read in batches: each batch's times trail or lead the other's
    TimeOrderedRows index = check(new Random(2), 4_000, (random, i) -> 10L * ((i / 100) % 2 == 0 ? i : i - 150));
    assertEquals(0, index.lateTimeCount(), "each partition's batches append to a run of their own");
  }

  @Test
  void partitionsReadInBatchesWithDistinctTimes() {
    // the bench's shape: row i (time 43 i) to partition i % 2, read 500 rows of a partition at a time
    TimeOrderedRows index = check(new Random(5), 6_000, (random, i) -> {
      int batch = i / 500;
      int partition = batch % 2;
      int row = 2 * (500 * (batch / 2) + i % 500) + partition;
      return 43L * row;
    });
    assertEquals(0, index.lateTimeCount());
  }

  @Test
  void moreInterleavedSourcesThanRuns() {
    int sources = TimeOrderedRows.MAX_RUNS + 4;
    TimeOrderedRows index = check(new Random(6), 3_000, (random, i) -> {
      // each source's batch spans the same times as the others' current batches
      int batch = i / 50;
      return 1_000L * (batch / sources) + batch % sources + (long) sources * (i % 50) + random.nextInt(2);
    });
    assertTrue(index.lateTimeCount() > 0, "the sources beyond the runs go to the late times");
  }

  @Test
  void partitionsReadInBatchesSharingTimes() {
    // two partitions' batches of 50 rows each over the same seconds: most lookups find a time below
    // the last one, each a little after the previous one, and some jump back to a batch's start
    check(new Random(7), 5_000, (random, i) -> {
      int batch = i / 50;
      int partitionRow = (batch / 2) * 50 + i % 50;
      return 1_000L * (partitionRow / 3) + (batch % 2 == 0 ? 0 : 500L * random.nextInt(2));
    });
  }

  @Test
  void runsAreChosenRightAcrossTheWholeRangeOfTimes() {
    // a run ending near the top and a time near the bottom: last - time overflows, and a run
    // chosen by its sign alone would take a time below its last, out of order
    long[] times = {Long.MIN_VALUE + 100, Long.MAX_VALUE - 100, Long.MIN_VALUE + 50, Long.MIN_VALUE + 60,
        Long.MAX_VALUE - 50, 0, Long.MIN_VALUE + 70, Long.MAX_VALUE - 60, Long.MIN_VALUE + 100};
    TimeOrderedRows index = new TimeOrderedRows(false);
    TreeMap<Long, List<Integer>> expected = new TreeMap<>();
    for (int id = 0; id < times.length; id++) {
      index.add(times[id], id);
      expected.computeIfAbsent(times[id], t -> new ArrayList<>()).add(id);
    }
    for (Map.Entry<Long, List<Integer>> e : expected.entrySet()) {
      assertEquals(e.getValue(), ids(index.idsAt(e.getKey())), "ids at " + e.getKey());
    }
    List<List<Integer>> got = new ArrayList<>();
    for (TimeOrderedRows.IdList ids : index.range(Long.MIN_VALUE, Long.MAX_VALUE)) {
      got.add(ids(ids));
    }
    assertEquals(new ArrayList<>(expected.values()), got);
    assertEquals(Long.MIN_VALUE + 50, index.firstTime());
    assertEquals(Long.MAX_VALUE - 50, index.lastTime());
  }

  @Test
  void shuffledAndRepeatedTimes() {
    check(new Random(3), 4_000, (random, i) -> (long) random.nextInt(500));
  }

  @Test
  void decreasingTimes() {
    check(new Random(4), 1_000, (random, i) -> 5_000L - i / 3);
  }

  private interface Times {
    long time(Random random, int i);
  }

  private static TimeOrderedRows check(Random random, int rows, Times times) {
    TimeOrderedRows index = new TimeOrderedRows(false);
    TreeMap<Long, List<Integer>> expected = new TreeMap<>();
    long expectedBytes = 0;
    long bytes = 0;
    for (int id = 0; id < rows; id++) {
      long time = times.time(random, id);
      TimeOrderedRows.IdList before = index.idsAt(time); // as the rollup looks a row's time up before adding it
      assertEquals(expected.get(time), before == null ? null : ids(before), "ids at " + time + " before row " + id);
      bytes += index.add(time, id);
      expectedBytes += 4 + (expected.containsKey(time) ? 0 : TimeOrderedRows.NEW_TIME_BYTES);
      expected.computeIfAbsent(time, t -> new ArrayList<>()).add(id);
      if (id % 97 == 0) {
        assertSame(expected, index, random);
      }
    }
    assertEquals(expectedBytes, bytes);
    assertSame(expected, index, random);
    return index;
  }

  private static void assertSame(TreeMap<Long, List<Integer>> expected, TimeOrderedRows index, Random random) {
    assertEquals(expected.firstKey(), index.firstTime());
    assertEquals(expected.lastKey(), index.lastTime());
    for (int q = 0; q < 20; q++) {
      long time = expected.firstKey() - 1 + (long) (random.nextDouble() * (expected.lastKey() - expected.firstKey() + 3));
      List<Integer> want = expected.get(time);
      TimeOrderedRows.IdList got = index.idsAt(time);
      assertEquals(want, got == null ? null : ids(got), "ids at " + time);
    }
    long lo = expected.firstKey() - 2;
    long span = expected.lastKey() - lo + 4;
    for (int q = 0; q < 20; q++) {
      long start = lo + (long) (random.nextDouble() * span);
      long end = q == 0 ? Long.MAX_VALUE : start + (long) (random.nextDouble() * span / 4);
      if (q == 0) {
        start = Long.MIN_VALUE;
      }
      List<List<Integer>> want = new ArrayList<>();
      MutableRoaringBitmap wantBitmap = new MutableRoaringBitmap();
      if (start < end) {
        for (Map.Entry<Long, List<Integer>> e : expected.subMap(start, true, end, false).entrySet()) {
          want.add(e.getValue());
          e.getValue().forEach(wantBitmap::add);
        }
      }
      List<List<Integer>> got = new ArrayList<>();
      for (TimeOrderedRows.IdList ids : index.range(start, end)) {
        got.add(ids(ids));
      }
      assertEquals(want, got, "[" + start + ", " + end + ")");
      assertEquals(wantBitmap, index.rowsIn(start, end));
    }
  }

  private static List<Integer> ids(TimeOrderedRows.IdList ids) {
    List<Integer> list = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      list.add(ids.get(i));
    }
    return list;
  }
}
