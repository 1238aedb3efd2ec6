package io.kafkaindexing.segment.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The rollup lookup finds exactly the row a map of normalised keys (time, values without trailing
 * nulls) finds, whether the key's time holds few rows (compared one by one), passes the scan limit
 * as the row arrives, or holds many (the table): times from one row each to hundreds, values with
 * nulls, multi-value rows and shorter rows (dimensions discovered later).
 */
class RollupTableTest {
  @Test
  void findsWhatAMapOfNormalisedKeysFinds() {
    for (long seed = 1; seed <= 4; seed++) {
      check(new Random(seed), 20_000);
    }
  }

  private static void check(Random random, int adds) {
    RollupTable table = new RollupTable();
    TimeOrderedRows times = new TimeOrderedRows(false);
    RowStore rows = new RowStore();
    rows.addDimensions(3);
    Map<List<Object>, Integer> expected = new HashMap<>();
    for (int n = 0; n < adds; n++) {
      // a few crowded times, many times with one or two rows, mostly ascending
      long time = random.nextInt(4) == 0 ? random.nextInt(5) : 10 + n / 2 + random.nextInt(3);
      Object[] dims = randomDims(random);
      List<Object> key = key(time, dims);
      int found = table.find(time, dims, times.idsAt(time), rows);
      assertEquals(expected.getOrDefault(key, -1), found, key.toString());
      if (found < 0) {
        int rowId = rows.add(time, dims);
        times.add(time, rowId);
        table.insert(rowId, time, dims, times.idsAt(time), rows);
        expected.put(key, rowId);
      }
    }
  }

  private static Object[] randomDims(Random random) {
    Object[] dims = new Object[1 + random.nextInt(3)];
    for (int i = 0; i < dims.length; i++) {
      int pick = random.nextInt(8);
      dims[i] = pick == 0 ? null : pick == 1 ? new int[] {random.nextInt(3), 3 + random.nextInt(2)}
          : new int[] {random.nextInt(4)};
    }
    return dims;
  }

  /** The key as a map key: the time, then each value (ids as a list) up to the last non-null one. */
  private static List<Object> key(long time, Object[] dims) {
    int length = dims.length;
    while (length > 0 && dims[length - 1] == null) {
      length--;
    }
    List<Object> key = new ArrayList<>();
    key.add(time);
    for (int i = 0; i < length; i++) {
      key.add(dims[i] == null ? null : Arrays.stream((int[]) dims[i]).boxed().toList());
    }
    return key;
  }
}
