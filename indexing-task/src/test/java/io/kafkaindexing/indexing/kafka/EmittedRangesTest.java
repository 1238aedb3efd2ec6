package io.kafkaindexing.indexing.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class EmittedRangesTest {
  @Test
  void noCommittedOffsetMeansNothingWritten() {
    EmittedRanges none = EmittedRanges.parse(null, null);
    assertFalse(none.contains(0));
    assertEquals(0, none.end());
    assertEquals("v1:", none.format());
  }

  @Test
  void anOffsetWithoutOurMetadataCoversEverythingBelowIt() {
    EmittedRanges reset = EmittedRanges.parse(40L, "");
    assertTrue(reset.contains(0) && reset.contains(39));
    assertFalse(reset.contains(40));
    assertEquals("v1:0-40", reset.format());
  }

  @Test
  void laterGroupFirstThenEarlierGroupMergeIntoOneRange() {
    EmittedRanges r = EmittedRanges.none().plus(100, 200);
    assertFalse(r.containsAll(0, 100), "the earlier group's offsets are not hidden by the later group's");
    assertFalse(r.contains(99));
    r = r.plus(0, 100);
    assertEquals("v1:0-200", r.format());
    assertEquals(200, r.end());
    assertTrue(r.containsAll(0, 200));
    assertEquals(r.format(), EmittedRanges.parse(r.end(), r.format()).format());
  }

  @Test
  void gapsStayAndOverlapsMerge() {
    EmittedRanges r = EmittedRanges.none().plus(0, 10).plus(20, 30).plus(50, 60);
    assertEquals("v1:0-10,20-30,50-60", r.format());
    assertEquals("v1:0-10,20-60", r.plus(25, 50).format());
    assertEquals("v1:0-60", r.plus(5, 55).format());
    assertEquals(r.format(), r.plus(7, 7).format());
    assertTrue(r.containsAll(21, 30));
    assertFalse(r.containsAll(21, 31));
  }

  @Test
  void theLowestRangesAreForgottenAboveTheLimit() {
    EmittedRanges r = EmittedRanges.none();
    for (int i = 0; i < EmittedRanges.MAX_RANGES + 3; i++) {
      r = r.plus(i * 10L, i * 10L + 5);
    }
    assertFalse(r.contains(0) || r.contains(10) || r.contains(20));
    assertTrue(r.contains(30));
    assertEquals((EmittedRanges.MAX_RANGES + 2) * 10L + 5, r.end());
  }

  @Test
  void badMetadataIsRefusedByName() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> EmittedRanges.parse(5L, "v1:x-5"));
    assertEquals("Dead-letter ranges[v1:x-5] are not v1:from-to,...", e.getMessage());
  }

  @Test
  void randomRangesAgreeWithASetOfOffsets() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      EmittedRanges r = EmittedRanges.none();
      TreeSet<Long> offsets = new TreeSet<>();
      for (int i = 0; i < 8; i++) {
        long from = random.nextInt(100);
        long to = from + random.nextInt(20);
        r = EmittedRanges.parse(r.end(), r.plus(from, to).format());
        for (long o = from; o < to; o++) {
          offsets.add(o);
        }
      }
      for (long o = 0; o < 130; o++) {
        assertEquals(offsets.contains(o), r.contains(o), "offset " + o + " in " + r);
      }
    }
  }
}
