package io.kafkaindexing.segment.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/**
 * The appended times plus late times answer as one map of time to ids in arrival order would:
 * checked against a {@link TreeMap} on in-order, nearly in-order, shuffled and repeating times.
 */
class TimeOrderedRowsTest {
  @Test
  void inOrderTimes() {
    check(new Random(1), 2_000, (random, i) -> 1_000L + 7L * i);
  }

  @Test
  void nearlyInOrderTimesFromTwoInterleavedSources() {
    // two partitions read in batches: each batch's times trail or lead the other's
    check(new Random(2), 4_000, (random, i) -> 10L * ((i / 100) % 2 == 0 ? i : i - 150));
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

  private static void check(Random random, int rows, Times times) {
    TimeOrderedRows index = new TimeOrderedRows(false);
    TreeMap<Long, List<Integer>> expected = new TreeMap<>();
    long expectedBytes = 0;
    long bytes = 0;
    for (int id = 0; id < rows; id++) {
      long time = times.time(random, id);
      bytes += index.add(time, id);
      expectedBytes += 4 + (expected.containsKey(time) ? 0 : TimeOrderedRows.NEW_TIME_BYTES);
      expected.computeIfAbsent(time, t -> new ArrayList<>()).add(id);
      if (id % 97 == 0) {
        assertSame(expected, index, random);
      }
    }
    assertEquals(expectedBytes, bytes);
    assertSame(expected, index, random);
  }

  private static void assertSame(TreeMap<Long, List<Integer>> expected, TimeOrderedRows index, Random random) {
    assertEquals(expected.firstKey(), index.firstTime());
    assertEquals(expected.lastKey(), index.lastTime());
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
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
          list.add(ids.get(i));
        }
        got.add(list);
      }
      assertEquals(want, got, "[" + start + ", " + end + ")");
      assertEquals(wantBitmap, index.rowsIn(start, end));
    }
  }
}
