package io.kafkaindexing.segment.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LongPagesTest {
  @Test
  void keepsValuesWhileTheFirstPageGrowsAndLaterPagesAreAdded() {
    LongPages pages = new LongPages(64);
    long bytes = 0;
    int n = 4 * LongPages.PAGE_SIZE + 17;
    for (int i = 0; i < n; i++) {
      bytes += pages.ensure(i);
      assertEquals(0L, pages.get(i));
      pages.set(i, i * 31L);
      if (i % 5 == 0) {
        pages.increment(i);
      }
    }
    for (int i = 0; i < n; i++) {
      assertEquals(i * 31L + (i % 5 == 0 ? 1 : 0), pages.get(i), "entry " + i);
    }
    // five pages of 4096 longs with their headers, and the directory grown from 4 to 8 references
    assertEquals(5L * (16 + 8 * LongPages.PAGE_SIZE) + 4 * 4, bytes);
    assertEquals(0, pages.ensure(n), "the last page has room");
  }

  @Test
  void firstPageStartsSmall() {
    LongPages pages = new LongPages(64);
    assertEquals(16 + 8 * 64, pages.ensure(0));
    assertEquals(0, pages.ensure(63));
    assertEquals(8 * 64, pages.ensure(64), "doubled, net of the replaced array");
    pages.ensure(LongPages.PAGE_SIZE - 1);
    assertEquals(LongPages.PAGE_SIZE, pages.page(0).length, "grown to a full page");
    pages.ensure(LongPages.PAGE_SIZE);
    assertEquals(LongPages.PAGE_SIZE, pages.page(1).length, "later pages are full from the start");
  }

  @Test
  void bitsAcrossPages() {
    LongPages bits = new LongPages(2);
    int n = 70 * LongPages.PAGE_SIZE;
    for (int i = 0; i < n; i++) {
      bits.ensure(i >>> 6);
      if (i % 3 == 0) {
        bits.setBit(i);
      }
    }
    for (int i = 0; i < n; i++) {
      if (i % 3 == 0) {
        assertTrue(bits.bit(i), "bit " + i);
      } else {
        assertFalse(bits.bit(i), "bit " + i);
      }
    }
  }
}
