package io.kafkaindexing.segment.incremental;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The row columns read back what each row stored, across pages, with dimensions appearing late. */
class RowStoreTest {
  @Test
  void readsBackTimesAndValuesAcrossPagesWithLateDimensionsNull() {
    Random random = new Random(7);
    RowStore store = new RowStore();
    List<Object[]> added = new ArrayList<>();
    List<Long> times = new ArrayList<>();
    for (int row = 0; row < 20_000; row++) {
      // a second dimension from row 5,000 on, a third from 12,000 on; some values null
      int width = row < 5_000 ? 1 : row < 12_000 ? 2 : 3;
      if (width > store.dimensionCount()) {
        store.addDimensions(width);
      }
      Object[] dims = new Object[width];
      for (int d = 0; d < width; d++) {
        int pick = random.nextInt(5);
        dims[d] = pick == 0 ? null : pick == 1 ? Long.valueOf(random.nextLong()) : new int[] {random.nextInt(50)};
      }
      long time = 1_000L * row + random.nextInt(1_000);
      assertEquals(row, store.add(time, dims));
      added.add(dims.clone());
      times.add(time);
    }
    assertEquals(20_000, store.size());
    assertEquals(3, store.dimensionCount());
    for (int row = 0; row < store.size(); row++) {
      assertEquals(times.get(row), store.time(row));
      Object[] dims = added.get(row);
      for (int d = 0; d < 4; d++) {
        Object want = d < dims.length ? dims[d] : null;
        Object got = store.dim(row, d);
        if (want instanceof int[] ids) {
          assertArrayEquals(ids, (int[]) got, "row " + row + " dimension " + d);
        } else {
          assertEquals(want, got, "row " + row + " dimension " + d);
        }
      }
    }
    assertNull(new RowStore().dim(0, 0));
  }
}
