package io.kafkaindexing.segment.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StringDictionaryTest {
  @Test
  void equalHashesAndPrefixesStayDistinctValues() {
    StringDictionary d = new StringDictionary();
    assertEquals("Aa".hashCode(), "BB".hashCode());
    int aa = d.add("Aa");
    int bb = d.add("BB");
    assertNotEquals(aa, bb);
    assertEquals(aa, d.add(new String("Aa")));
    assertEquals(bb, d.getId("BB"));
    int empty = d.add("");
    assertEquals(empty, d.add(new String("")));
    int prefix = d.add("Aab");
    assertNotEquals(aa, prefix);
    assertEquals(-1, d.getId("A"));
    assertEquals(-1, d.nullId());
    int nul = d.add(null);
    assertEquals(nul, d.nullId());
    assertEquals(nul, d.getId(null));
    assertEquals(null, d.getValue(nul));
    assertEquals("Aab", d.getValue(prefix));
  }

  @Test
  void matchesAMapOnRandomLatin1AndWideStrings() {
    Random random = new Random(11);
    StringDictionary d = new StringDictionary();
    Map<String, Integer> expected = new HashMap<>();
    List<String> byId = new ArrayList<>();
    for (int n = 0; n < 50_000; n++) {
      String value = random.nextInt(50) == 0 ? null : randomString(random);
      int id = d.add(value == null ? null : new String(value)); // a new instance, as a parser makes
      Integer known = expected.get(value);
      if (known == null) {
        assertEquals(byId.size(), id, "a new value takes the next id: " + value);
        expected.put(value, id);
        byId.add(value);
      } else {
        assertEquals(known, id, value);
      }
    }
    assertEquals(byId.size(), d.size());
    for (int id = 0; id < byId.size(); id++) {
      assertEquals(byId.get(id), d.getValue(id));
      assertEquals(id, d.getId(byId.get(id)));
    }
  }

  private static String randomString(Random random) {
    int length = random.nextInt(12);
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(10);
      s.append(kind == 0 ? (char) (0x100 + random.nextInt(0x2000)) : kind == 1 ? (char) (0x80 + random.nextInt(0x80))
          : (char) ('a' + random.nextInt(3)));
    }
    return s.toString();
  }
}
