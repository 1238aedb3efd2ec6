package io.kafkaindexing.segment.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link BlockSums}: range sums from block sums against the sequential fold, bit for bit. */
class BlockSumsTest {
  @Test
  void longRangeSumsAreTheWrappingSequentialSums() {
    Random random = new Random(3);
    for (int round = 0; round < 50; round++) {
      long[] values = new long[random.nextInt(5 * BlockSums.BLOCK)];
      for (int i = 0; i < values.length; i++) {
        values[i] = random.nextInt(4) == 0 ? random.nextLong() : random.nextInt(2000) - 1000;
      }
      long[] blocks = BlockSums.ofLongs(values);
      for (int k = 0; k < 40; k++) {
        int a = random.nextInt(values.length + 1);
        int b = a + random.nextInt(values.length - a + 1);
        long expected = 0;
        for (int r = a; r < b; r++) {
          expected = expected + values[r];
        }
        assertEquals(expected, BlockSums.sum(values, blocks, a, b), a + ".." + b);
      }
    }
  }

  @Test
  void rangesOfWholeBlocksSumFromTheBlocksAlone() {
    Random random = new Random(5);
    for (int round = 0; round < 50; round++) {
      long[] values = new long[1 + random.nextInt(5 * BlockSums.BLOCK)];
      for (int i = 0; i < values.length; i++) {
        values[i] = random.nextLong();
      }
      long[] blocks = BlockSums.ofLongs(values);
      int wholeBlocks = 0;
      for (int a = 0; a <= values.length; a += BlockSums.BLOCK / 4) {
        for (int b : new int[] {a, a + 1, a + BlockSums.BLOCK, a + 2 * BlockSums.BLOCK + 7, values.length}) {
          if (b < a || b > values.length) {
            continue;
          }
          boolean whole = a % BlockSums.BLOCK == 0 && (b % BlockSums.BLOCK == 0 || b == values.length);
          assertEquals(whole, BlockSums.wholeBlocks(values.length, a, b), a + ".." + b);
          if (whole && a < b) {
            wholeBlocks++;
            assertEquals(BlockSums.sum(values, blocks, a, b), BlockSums.sumOfBlocks(blocks, a, b), a + ".." + b);
          }
        }
      }
      assertTrue(wholeBlocks > 0);
    }
  }

  @Test
  void wholeDoubleRangeSumsAreTheSequentialDoubleSums() {
    Random random = new Random(4);
    for (int round = 0; round < 50; round++) {
      double[] values = new double[random.nextInt(5 * BlockSums.BLOCK)];
      long bound = random.nextBoolean() ? 1000 : 1L << 40;
      for (int i = 0; i < values.length; i++) {
        values[i] = random.nextInt(5) == 0 ? 0.0 : (double) (random.nextLong() % bound);
      }
      long[] blocks = BlockSums.ofWholeDoubles(values);
      assertNotNull(blocks);
      for (int k = 0; k < 40; k++) {
        int a = random.nextInt(values.length + 1);
        int b = a + random.nextInt(values.length - a + 1);
        double expected = -0.0d;
        for (int r = a; r < b; r++) {
          expected = expected + values[r];
        }
        double actual = a < b ? -0.0d + (double) BlockSums.sum(values, blocks, a, b) : -0.0d;
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), a + ".." + b);
      }
    }
  }

  @Test
  void doublesWhoseSumsDependOnTheOrderGetNoBlockSums() {
    assertNotNull(BlockSums.ofWholeDoubles(new double[] {1, -2, 0.0, 3e6}));
    assertNotNull(BlockSums.ofWholeDoubles(new double[0]));
    assertNull(BlockSums.ofWholeDoubles(new double[] {1, 0.5}));
    assertNull(BlockSums.ofWholeDoubles(new double[] {1, -0.0d}));
    assertNull(BlockSums.ofWholeDoubles(new double[] {Double.NaN}));
    assertNull(BlockSums.ofWholeDoubles(new double[] {Double.POSITIVE_INFINITY}));
    assertNull(BlockSums.ofWholeDoubles(new double[] {0x1p52, -0x1p52}));
    assertNotNull(BlockSums.ofWholeDoubles(new double[] {0x1p51, -0x1p51 + 1}));
  }
}
