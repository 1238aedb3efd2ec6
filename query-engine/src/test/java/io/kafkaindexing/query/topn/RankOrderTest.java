package io.kafkaindexing.query.topn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link RankOrder#select} keeps the set the full order keeps: the first {@code k} of the
 * candidates sorted by {@link RankOrder#sort} (an insertion/merge sort on {@link RankOrder#compare},
 * independent of the selection), over keys of a narrow range (counted) and of a wide one
 * (quickselect), many ties, nulls, and ties broken on ids or on names; {@link RankOrder#bestOfOrdered}
 * keeps the set {@link RankOrder#select} keeps.
 */
class RankOrderTest {
  @Test
  void selectKeepsTheFirstKOfTheSortedOrder() {
    Random random = new Random(20261126L);
    for (int round = 0; round < 3000; round++) {
      int n = 1 + random.nextInt(round < 2000 ? 40 : 3000);
      int distinct = 1 + random.nextInt(random.nextBoolean() ? 5 : 100_000);
      boolean wide = random.nextInt(4) == 0;
      int nullEvery = random.nextInt(3) == 0 ? 1 + random.nextInt(4) : 0;
      long[] keys = new long[n];
      boolean[] nulls = new boolean[n];
      int[] ids = new int[n];
      String[] names = new String[n];
      for (int i = 0; i < n; i++) {
        nulls[i] = nullEvery > 0 && random.nextInt(nullEvery) == 0;
        long v = random.nextInt(distinct) - distinct / 3;
        keys[i] = nulls[i] ? 0 : wide ? extreme(random, v) : v;
        ids[i] = random.nextInt(4 * n + 1);
        names[i] = random.nextInt(10) == 0 ? null : "v" + random.nextInt(2 * n + 1);
      }
      boolean byNames = random.nextBoolean();
      int k = random.nextInt(n + 2) - 1;
      RankOrder order = byNames ? new RankOrder(keys, nulls, names, null) : new RankOrder(keys, nulls, null, ids);
      int[] all = identity(n);
      order.sort(all, n);
      int[] selected = identity(n);
      shuffle(selected, random);
      order.select(selected, n, k);
      int kept = Math.max(0, Math.min(k, n));
      int[] expected = Arrays.copyOf(all, kept);
      int[] got = Arrays.copyOf(selected, kept);
      Arrays.sort(expected);
      Arrays.sort(got);
      assertArrayEquals(expected, got, "round " + round + ": n=" + n + " k=" + k);
      int[] permutation = selected.clone();
      Arrays.sort(permutation);
      assertArrayEquals(identity(n), permutation, "round " + round + ": not a permutation");
    }
  }

  @Test
  void bestOfOrderedKeepsTheSetSelectKeeps() {
    Random random = new Random(20261127L);
    for (int round = 0; round < 3000; round++) {
      int n = random.nextInt(round < 2000 ? 40 : 12_000);
      int distinct = 1 + random.nextInt(random.nextBoolean() ? 5 : 100_000);
      boolean wide = random.nextInt(4) == 0;
      long[] keys = new long[n];
      for (int i = 0; i < n; i++) {
        long v = random.nextInt(distinct) - distinct / 3;
        keys[i] = wide ? extreme(random, v) : v;
      }
      int k = random.nextInt(n + 1);
      // candidates numbered in id order: ids ascend with the candidate numbers
      RankOrder order = new RankOrder(keys, new boolean[n], null, identity(n));
      int[] selected = identity(n);
      shuffle(selected, random);
      order.select(selected, n, k);
      int[] expected = Arrays.copyOf(selected, k);
      Arrays.sort(expected);
      int[] got = RankOrder.bestOfOrdered(keys, n, k);
      Arrays.sort(got);
      assertArrayEquals(expected, got, "round " + round + ": n=" + n + " k=" + k);
    }
  }

  /** A key spread over the whole signed range, keeping the order of {@code v}, with the extremes. */
  private static long extreme(Random random, long v) {
    return switch (random.nextInt(8)) {
      case 0 -> Long.MIN_VALUE;
      case 1 -> Long.MAX_VALUE;
      default -> v * 0x0000_1000_0000_0001L;
    };
  }

  private static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  private static void shuffle(int[] a, Random random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
