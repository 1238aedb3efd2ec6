package io.kafkaindexing.segment.aggregation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The hyperUnique sketch: estimates, folding, stored bytes. (Druid's exact bytes: RichIngestionTest.) */
class HyperLogLogSketchTest {
  @Test
  void estimatesWithinThreeSigmaAndFoldingAgreesWithAddingAll() {
    HyperLogLogSketch all = new HyperLogLogSketch();
    HyperLogLogSketch a = new HyperLogLogSketch();
    HyperLogLogSketch b = new HyperLogLogSketch();
    for (int i = 0; i < 100_000; i++) {
      String v = "user" + i;
      all.add(v);
      (i % 3 == 0 ? a : b).add(v);
    }
    assertTrue(Math.abs(all.estimate() - 100_000) < 7_000, "estimate " + all.estimate()); // 3 sigma of 2048 buckets
    // register offsets make the bytes depend on the order of adds and folds (as in Druid); the estimate does not
    assertEquals(all.estimate(), a.fold(b).estimate(), all.estimate() * 0.01);
    assertArrayEquals(all.toBytes(), HyperLogLogSketch.fromBytes(all.toBytes()).toBytes());
  }

  @Test
  void smallSketchesAreSparseAndRoundTrip() {
    HyperLogLogSketch s = new HyperLogLogSketch();
    assertEquals(7, s.toBytes().length);
    s.add("u0243");
    assertEquals("AQAAAQAAAAOrEA==", java.util.Base64.getEncoder().encodeToString(s.toBytes()));
    assertArrayEquals(s.toBytes(), HyperLogLogSketch.fromBytes(s.toBytes()).toBytes());
    assertEquals(1.0, s.estimate(), 0.01);
  }

  @Test
  void otherVersionsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> HyperLogLogSketch.fromBytes(new byte[] {0, 0, 0, 0, 0, 0}));
  }
}
