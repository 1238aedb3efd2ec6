package io.kafkaindexing.query.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link NameTable} answers as a {@link HashMap} does under random puts and removals, with values
 * whose hashes collide (long probe runs that wrap around the table, which removal must keep
 * reachable) and the null value.
 */
class NameTableTest {
  @Test
  void putGetAndRemoveAsAMap() {
    Random random = new Random(20261126L);
    for (int round = 0; round < 60; round++) {
      List<String> universe = universe(random, 1 + random.nextInt(round < 40 ? 40 : 3000));
      NameTable table = new NameTable(random.nextInt(64));
      Map<String, Integer> expected = new HashMap<>();
      int nextSlot = 0;
      for (int op = 0; op < 20 * universe.size(); op++) {
        String name = universe.get(random.nextInt(universe.size()));
        Integer slot = expected.get(name);
        assertEquals(slot == null ? -1 : slot, table.get(name), "round " + round + " get " + name);
        if (slot == null) {
          table.put(name, nextSlot);
          expected.put(name, nextSlot++);
        } else if (random.nextInt(3) > 0) {
          table.remove(name);
          expected.remove(name);
        }
      }
      for (String name : universe) {
        Integer slot = expected.get(name);
        assertEquals(slot == null ? -1 : slot, table.get(name), "round " + round + " final get " + name);
      }
    }
  }

  @Test
  void removingAnAbsentValueIsAnError() {
    NameTable table = new NameTable(4);
    table.put("a", 0);
    assertThrows(IllegalStateException.class, () -> table.remove("b"));
  }

  /**
   * {@code n} distinct values: many in groups of up to 64 with equal hashes ("Aa" and "BB" hash
   * alike), some random, and null.
   */
  private static List<String> universe(Random random, int n) {
    List<String> out = new ArrayList<>();
    out.add(null);
    for (int i = 1; i < n; i++) {
      if (random.nextBoolean()) {
        StringBuilder b = new StringBuilder();
        for (int bit = 0; bit < 6; bit++) {
          b.append((i >>> bit & 1) == 0 ? "Aa" : "BB");
        }
        out.add(b.append('/').append(i >>> 6).toString());
      } else {
        out.add("v" + i + "-" + random.nextInt(1000));
      }
    }
    return out;
  }
}
