package io.kafkaindexing.query.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.segment.read.BlockSums;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@link FusedGroupedSums} against the accumulators' own grouped loops plus the marking pass
 * ({@link ArrayAccumulators.Acc#groupedRange}): every kind alone and every pair in both orders,
 * random ranges, values that make floating-point order visible (large and tiny doubles, -0.0, NaN,
 * infinities, wrapping longs), and whole-number columns without -0.0 (whose sums tell the ids present,
 * a slot of zeros only included); slots and ids present compared bit for bit. Shapes it does not
 * fold are refused.
 */
class FusedGroupedSumsTest {
  private static final int ROWS = 3000;
  private static final int SLOTS = 37;

  private final Random random = new Random(20261126);
  private final int[] ids = new int[ROWS];
  private final long[] longs = new long[ROWS];
  private final long[] otherLongs = new long[ROWS];
  private final double[] doubles = new double[ROWS];
  private final double[] otherDoubles = new double[ROWS];
  /** Whole numbers with zeros (a slot of zeros only sums to +0.0), no -0.0: block sums exist. */
  private final double[] wholeDoubles = new double[ROWS];

  FusedGroupedSumsTest() {
    double[] specials = {-0.0d, 0.0d, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e300, -1e300,
        1e-300, Double.MIN_VALUE, 0.1d, 3.0d};
    for (int r = 0; r < ROWS; r++) {
      ids[r] = random.nextInt(SLOTS - 5); // a few slots never touched
      longs[r] = random.nextInt(4) == 0 ? random.nextLong() : random.nextInt(1000);
      otherLongs[r] = random.nextInt(3) - 1;
      doubles[r] = random.nextInt(50) == 0 ? specials[random.nextInt(specials.length)]
          : random.nextGaussian() * Math.pow(10, random.nextInt(30) - 15);
      otherDoubles[r] = random.nextInt(1000) + 1;
      wholeDoubles[r] = ids[r] == 3 ? 0.0d : random.nextInt(3) == 0 ? 0.0d : random.nextInt(2001) - 1000;
    }
  }

  private Supplier<ArrayAccumulators.Acc> count() {
    return ArrayAccumulators.Count::new;
  }

  private Supplier<ArrayAccumulators.Acc> longSum(long[] v) {
    return () -> new ArrayAccumulators.LongSum(v, null);
  }

  private Supplier<ArrayAccumulators.Acc> doubleSum(double[] v) {
    return () -> new ArrayAccumulators.DoubleSum(v, null);
  }

  /** A sum over a column known to hold no -0.0 (its whole-number block sums exist): ids present told by the slots. */
  private Supplier<ArrayAccumulators.Acc> wholeDoubleSum(double[] v) {
    long[] blocks = BlockSums.ofWholeDoubles(v);
    assertTrue(blocks != null);
    return () -> new ArrayAccumulators.DoubleSum(v, null, blocks);
  }

  @Test
  void everyKindAndPairFoldsAsTheSeparateLoops() {
    List<Supplier<ArrayAccumulators.Acc>> kinds = List.of(count(), longSum(longs), longSum(otherLongs),
        doubleSum(doubles), doubleSum(otherDoubles), wholeDoubleSum(wholeDoubles), wholeDoubleSum(otherDoubles));
    for (int trial = 0; trial < 20; trial++) {
      int a = random.nextInt(ROWS / 2);
      int b = a + random.nextInt(ROWS - a + 1);
      for (Supplier<ArrayAccumulators.Acc> x : kinds) {
        check(a, b, List.of(x));
        for (Supplier<ArrayAccumulators.Acc> y : kinds) {
          check(a, b, List.of(x, y));
        }
      }
    }
  }

  private void check(int a, int b, List<Supplier<ArrayAccumulators.Acc>> kinds) {
    ArrayAccumulators.Acc[] fused = new ArrayAccumulators.Acc[kinds.size()];
    ArrayAccumulators.Acc[] separate = new ArrayAccumulators.Acc[kinds.size()];
    for (int i = 0; i < fused.length; i++) {
      fused[i] = kinds.get(i).get();
      separate[i] = kinds.get(i).get();
      fused[i].groups(SLOTS);
      separate[i].groups(SLOTS);
    }
    boolean[] fusedTouched = new boolean[SLOTS];
    if (fused.length == 2 && fused[0] instanceof ArrayAccumulators.Count && fused[1] instanceof ArrayAccumulators.Count) {
      assertFalse(FusedGroupedSums.range(fused, a, b, ids, fusedTouched)); // two counts: left to the separate loops
      return;
    }
    assertTrue(FusedGroupedSums.range(fused, a, b, ids, fusedTouched));
    boolean[] touched = new boolean[SLOTS];
    for (int r = a; r < b; r++) {
      touched[ids[r]] = true;
    }
    for (ArrayAccumulators.Acc acc : separate) {
      acc.groupedRange(a, b, ids);
    }
    assertArrayEquals(touched, fusedTouched);
    for (int i = 0; i < fused.length; i++) {
      Object expected = separate[i].slots();
      Object actual = fused[i].slots();
      if (expected instanceof long[] e) {
        assertArrayEquals(e, (long[]) actual);
      } else {
        double[] e = (double[]) expected;
        double[] f = (double[]) actual;
        for (int s = 0; s < SLOTS; s++) {
          assertEquals(Double.doubleToRawLongBits(e[s]), Double.doubleToRawLongBits(f[s]), "slot " + s);
        }
      }
    }
  }

  @Test
  void refusesOtherShapes() {
    long[] nulls = new long[(ROWS + 63) >>> 6];
    nulls[0] = 1L;
    ArrayAccumulators.Acc[][] refused = {
        {},
        {new ArrayAccumulators.Count(), new ArrayAccumulators.Count(), new ArrayAccumulators.Count()},
        {new ArrayAccumulators.LongSum(longs, nulls)},
        {new ArrayAccumulators.Count(), new ArrayAccumulators.DoubleSum(doubles, nulls)},
        {new ArrayAccumulators.LongMax(longs, null)},
        {new ArrayAccumulators.DoubleSum(doubles, null), new ArrayAccumulators.DoubleMin(doubles, null)},
        {new ArrayAccumulators.FloatSum(new float[ROWS], null)},
    };
    for (ArrayAccumulators.Acc[] accs : refused) {
      for (ArrayAccumulators.Acc acc : accs) {
        acc.groups(SLOTS);
      }
      boolean[] touched = new boolean[SLOTS];
      assertFalse(FusedGroupedSums.range(accs, 0, ROWS, ids, touched));
      for (boolean t : touched) {
        assertFalse(t);
      }
    }
  }
}
