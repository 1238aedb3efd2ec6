package io.kafkaindexing.indexing.input.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FlatRowMapTest {
  @Test
  void behavesLikeALinkedHashMapUnderRandomOperations() {
    Random random = new Random(11);
    for (int round = 0; round < 200; round++) {
      FlatRowMap flat = new FlatRowMap();
      Map<String, Object> expected = new LinkedHashMap<>();
      for (int op = 0; op < 60; op++) {
        // a fresh String instance each time, so lookups cannot rely on identity
        String key = new String(("k" + random.nextInt(20)).getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII);
        Object value = random.nextInt(4) == 0 ? null : (Object) random.nextInt(100);
        switch (random.nextInt(4)) {
          case 0, 1 -> assertEquals(expected.put(key, value), flat.put(key, value));
          case 2 -> assertEquals(expected.remove(key), flat.remove(key));
          default -> {
            assertEquals(expected.get(key), flat.get(key));
            assertEquals(expected.containsKey(key), flat.containsKey(key));
          }
        }
        assertEquals(expected.size(), flat.size());
      }
      assertEquals(new ArrayList<>(expected.entrySet()).toString(), new ArrayList<>(flat.entrySet()).toString());
      assertEquals(expected, flat);
      assertEquals(flat, expected);
      assertEquals(expected.hashCode(), flat.hashCode());
      assertEquals(expected.toString(), flat.toString());
      expected.values().removeIf(Objects::isNull);
      flat.values().removeIf(Objects::isNull);
      assertEquals(List.copyOf(expected.keySet()), List.copyOf(flat.keySet()));
      assertEquals(expected, flat);
    }
  }

  @Test
  void iteratorRemoveAndEntrySetValueWriteThrough() {
    FlatRowMap flat = new FlatRowMap();
    flat.put("a", 1);
    flat.put("b", 2);
    flat.put("c", 3);
    Iterator<Map.Entry<String, Object>> it = flat.entrySet().iterator();
    it.next();
    Map.Entry<String, Object> b = it.next();
    b.setValue(20);
    assertEquals(20, flat.get("b"));
    it.remove();
    assertEquals("c", it.next().getKey());
    assertFalse(it.hasNext());
    assertEquals(Map.of("a", 1, "c", 3), flat);
    assertNull(flat.get(7));
    assertFalse(flat.containsKey(null));
    flat.clear();
    assertTrue(flat.isEmpty());
  }

  @Test
  void recordsOfManyFieldsComeBackAsAHashMapWithTheSameEntries() {
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < FlatRowMap.MAX_FIELDS + 3; i++) {
      json.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(i);
    }
    json.append('}');
    List<Map<String, Object>> rows = AsciiFlatJson.read(json.toString().getBytes(StandardCharsets.US_ASCII), false,
        new FieldNames());
    assertEquals(1, rows.size());
    assertTrue(rows.get(0) instanceof LinkedHashMap);
    assertEquals(FlatRowMap.MAX_FIELDS + 3, rows.get(0).size());
    assertEquals(5L, rows.get(0).get("f5"));
    List<Map<String, Object>> small = AsciiFlatJson.read("{\"a\":1,\"b\":null,\"c\":\"x\"}".getBytes(StandardCharsets.US_ASCII),
        false, new FieldNames());
    assertTrue(small.get(0) instanceof FlatRowMap);
    assertEquals(Map.of("a", 1L, "c", "x"), small.get(0));
    assertNull(AsciiFlatJson.read("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.US_ASCII), false, new FieldNames()),
        "a repeated name is left to Jackson");
  }
}
