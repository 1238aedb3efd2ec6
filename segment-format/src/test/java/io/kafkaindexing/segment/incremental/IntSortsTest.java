package io.kafkaindexing.segment.incremental;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntSortsTest {
  /** Orders ids by a key with many ties, so stability shows: equal keys must keep input order. */
  private static IntComparator byKey(int[] key) {
    return (a, b) -> Integer.compare(key[a], key[b]);
  }

  @Test
  void sortsLikeAStableObjectSortAtEverySizeAroundTheRunAndMergeWidths() {
    Random random = new Random(42);
    for (int n : new int[] {0, 1, 2, 15, 16, 17, 31, 32, 33, 64, 100, 257, 1000, 4099}) {
      for (int keys : new int[] {1, 3, 50, 100_000}) {
        int[] key = new int[n];
        for (int i = 0; i < n; i++) {
          key[i] = random.nextInt(keys);
        }
        int[] ids = shuffledIds(n, random);
        Integer[] expected = Arrays.stream(ids).boxed().toArray(Integer[]::new);
        Arrays.sort(expected, Comparator.comparingInt(id -> key[id]));
        int[] actual = ids.clone();
        IntSorts.sort(actual, 0, n, byKey(key));
        assertArrayEquals(Arrays.stream(expected).mapToInt(Integer::intValue).toArray(), actual, "n=" + n + " keys=" + keys);
      }
    }
  }

  @Test
  void sortsOnlyTheGivenRange() {
    Random random = new Random(7);
    int n = 300;
    int[] key = new int[n];
    for (int i = 0; i < n; i++) {
      key[i] = random.nextInt(20);
    }
    int[] ids = shuffledIds(n, random);
    int[] actual = ids.clone();
    IntSorts.sort(actual, 37, 261, byKey(key));
    Integer[] middle = Arrays.stream(ids, 37, 261).boxed().toArray(Integer[]::new);
    Arrays.sort(middle, Comparator.comparingInt(id -> key[id]));
    int[] expected = ids.clone();
    for (int i = 0; i < middle.length; i++) {
      expected[37 + i] = middle[i];
    }
    assertArrayEquals(expected, actual);
  }

  @Test
  void alreadySortedAndReversedInputs() {
    int n = 1000;
    int[] key = new int[n];
    for (int i = 0; i < n; i++) {
      key[i] = i / 3;
    }
    int[] ascending = new int[n];
    int[] descending = new int[n];
    for (int i = 0; i < n; i++) {
      ascending[i] = i;
      descending[i] = n - 1 - i;
    }
    int[] a = ascending.clone();
    IntSorts.sort(a, 0, n, byKey(key));
    assertArrayEquals(ascending, a);
    int[] d = descending.clone();
    IntSorts.sort(d, 0, n, byKey(key));
    int[] expected = new int[n];
    for (int i = 0; i < n; i++) {
      // equal keys (groups of three) keep the descending input order within the group
      int group = i / 3;
      int within = i % 3;
      int groupSize = Math.min(3, n - group * 3);
      expected[i] = group * 3 + (groupSize - 1 - within);
    }
    assertArrayEquals(expected, d);
  }

  private static int[] shuffledIds(int n, Random random) {
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = ids[i];
      ids[i] = ids[j];
      ids[j] = t;
    }
    return ids;
  }
}
