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
  void aShapeIsSharedWhileTheNamesMatchAndNeverWritten() {
    String[] shape = {"time", "url", "user"};
    String[] before = shape.clone();
    FlatRowMap same = new FlatRowMap(shape);
    same.put("time", 1);
    same.put("url", "/a");
    same.put("user", "u");
    assertNull(same.newShape(), "the same names: the shape stays");
    assertEquals(Map.of("time", 1, "url", "/a", "user", "u"), same);
    assertEquals(List.of("time", "url", "user"), List.copyOf(same.keySet()));

    FlatRowMap other = new FlatRowMap(shape);
    other.put("time", 2);
    other.put("page", "/b"); // differs at the second name: copies the first
    other.put("user", "v");
    other.put("extra", null);
    assertEquals(List.of("time", "page", "user", "extra"), List.copyOf(other.keySet()));
    assertEquals(List.of("time", "page", "user", "extra"), List.of(other.newShape()));
    other.values().removeIf(Objects::isNull);
    assertEquals(Map.of("time", 2, "page", "/b", "user", "v"), other);

    FlatRowMap fewer = new FlatRowMap(shape);
    fewer.put("time", 3);
    fewer.put("url", "/c");
    assertEquals(Map.of("time", 3, "url", "/c"), fewer);
    assertEquals(List.of("time", "url"), List.of(fewer.newShape()));
    fewer.remove("time"); // removing copies too
    assertEquals(Map.of("url", "/c"), fewer);

    FlatRowMap cleared = new FlatRowMap(shape);
    cleared.put("time", 4);
    cleared.clear();
    cleared.put("url", "/d");
    assertEquals(Map.of("url", "/d"), cleared);
    assertEquals(List.of(before), List.of(shape), "the shared shape was never written");
  }

  @Test
  void recordsOfTheSameShapeParseToEqualMapsAfterAShapeChange() {
    FieldNames names = new FieldNames();
    String[] records = {
        "{\"time\":\"t1\",\"url\":\"/a\",\"n\":1}",
        "{\"time\":\"t2\",\"url\":\"/b\",\"n\":2}",
        "{\"time\":\"t3\",\"user\":\"x\",\"url\":\"/c\"}",
        "{\"time\":\"t4\",\"url\":null,\"n\":4}",
        "{\"time\":\"t5\",\"url\":\"/e\",\"n\":5} {\"time\":\"t6\",\"url\":\"/f\",\"n\":6}"};
    List<Map<String, Object>> expected = List.of(
        Map.of("time", "t1", "url", "/a", "n", 1L), Map.of("time", "t2", "url", "/b", "n", 2L),
        Map.of("time", "t3", "user", "x", "url", "/c"), Map.of("time", "t4", "n", 4L),
        Map.of("time", "t5", "url", "/e", "n", 5L), Map.of("time", "t6", "url", "/f", "n", 6L));
    List<Map<String, Object>> actual = new ArrayList<>();
    List<List<String>> keyOrders = new ArrayList<>();
    for (String r : records) {
      for (Map<String, Object> row : AsciiFlatJson.read(r.getBytes(StandardCharsets.US_ASCII), false, names)) {
        actual.add(row);
        keyOrders.add(List.copyOf(row.keySet()));
      }
    }
    assertEquals(expected, actual);
    assertEquals(List.of("time", "user", "url"), keyOrders.get(2));
    assertEquals(List.of("time", "n"), keyOrders.get(3));
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
