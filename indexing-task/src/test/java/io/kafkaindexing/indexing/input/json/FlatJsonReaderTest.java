package io.kafkaindexing.indexing.input.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.indexing.input.InputEntity;
import io.kafkaindexing.indexing.input.ParseException;
import io.kafkaindexing.indexing.input.RawRow;
import io.kafkaindexing.indexing.input.RawRows;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming fast path of the json format against its tree path: whenever the fast path reads a
 * record, the rows (values, types and field order) equal the tree path's; records it cannot read
 * exactly go to the tree path.
 */
class FlatJsonReaderTest {
  private static final List<JsonInputFormat> FORMATS = List.of(
      JsonInputFormat.defaults(),
      new JsonInputFormat(null, null, true, null, null),
      new JsonInputFormat(new FlattenSpec(true, null), null, null, null, null),
      new JsonInputFormat(null, null, null, null, true),
      (JsonInputFormat) JsonInputFormat.defaults().withNestedFieldDiscovery());

  @Test
  void flatRecordsTakeTheFastPathWithTheTreePathsRows() throws Exception {
    for (String json : List.of(
        "{'time': '2018-03-06T00:00:00.000Z', 'url': '/page/1', 'user': 'user42', 'latencyMs': 57}",
        "{'a': 1, 'b': -2.5e3, 'c': true, 'd': false, 'e': null, 'f': 'x', 'g': 9223372036854775807}",
        "{'e': null, 'a': 1, 'f': null}",
        "{'list': [1, 'two', 3.0, null, false], 'empty': []}",
        "{}",
        "{'a': 1} {'a': 2}\n{'b': 'three'}",
        "{'unicode': 'caf\\u00e9 \u00fc', 'esc': 'a\\\"b\\\\c'}")) {
      for (JsonInputFormat format : FORMATS) {
        byte[] value = bytes(json);
        assertNotNull(reader(format).read(value), json);
        assertSameRows(format.readTrees(InputEntity.ofValue(value), value), format.read(InputEntity.ofValue(value)),
            json);
      }
    }
  }

  @Test
  void unusualRecordsGoToTheTreePath() {
    for (String json : List.of(
        "{'a': {'b': 1}}", "{'a': [[1]]}", "{'a': [{'b': 1}]}", "{'a': 1, 'a': 2}", "{'a': null, 'b': 1, 'a': 3}",
        "{'big': 123456789012345678901234567890}", "[1, 2]", "5", "", "   ", "{'a': 1", "{'a': 1} x", "{'a': 1,}",
        "{'a': 1} [2]")) {
      for (JsonInputFormat format : FORMATS) {
        assertNull(reader(format).read(bytes(json)), json);
      }
    }
  }

  @Test
  void randomRecordsEqualTheTreePath() throws Exception {
    Random random = new Random(20261126L);
    int fast = 0;
    for (int i = 0; i < 5_000; i++) {
      String json = randomRecord(random);
      byte[] value = bytes(json);
      for (JsonInputFormat format : FORMATS) {
        RawRows tree;
        try {
          tree = format.readTrees(InputEntity.ofValue(value), value);
        } catch (ParseException e) {
          assertNull(reader(format).read(value), json);
          continue;
        }
        if (reader(format).read(value) != null) {
          fast++;
        }
        assertSameRows(tree, format.read(InputEntity.ofValue(value)), json);
      }
    }
    assertTrue(fast > 10_000, "the fast path read only " + fast + " records");
  }

  /** The streaming reader alone (the ASCII reader is checked on its own). */
  private static StreamingOnly reader(JsonInputFormat format) {
    FlatJsonReader reader = new FlatJsonReader(new com.fasterxml.jackson.databind.ObjectMapper().getFactory(),
        format.isKeepNullColumns(), false);
    return reader::readStreaming;
  }

  private interface StreamingOnly {
    List<Map<String, Object>> read(byte[] value);
  }

  @Test
  void asciiReaderEqualsTheTreePathOrDeclines() throws Exception {
    Random random = new Random(42L);
    int answered = 0;
    List<String> fixed = List.of(
        "{'time': '2018-03-06T00:00:00.000Z', 'url': '/page/1', 'user': 'user42', 'latencyMs': 57}",
        "{'a':-0,'b':-0.0,'c':1e5,'d':1E-2,'e':123456789012345678,'f':[ ],'g':{ }}", "{ }",
        "{'a':1}{'b':2}", "\n {'a' : [1 , true,null ,'x'] }\t", "{'a':01}", "{'a':1.}", "{'a':-}", "{'a':'\\n'}",
        "{'a':'café'}", "{'a':1234567890123456789}", "{'a':1,}", "{'a':tru}", "{'a':nul}", "{'a':1}x",
        "{'a':1 2}", "{'a'}", "{a:1}", "{'a':1,'a':2}", "{'a':[1,]}", "{'a':[[1]]}", "", "  ", "[1]");
    FieldNames names = new FieldNames(); // shared by all records, as by a format's
    for (int i = 0; i < 20_000 + fixed.size(); i++) {
      String json = i < fixed.size() ? fixed.get(i) : randomRecord(random);
      byte[] value = bytes(json);
      for (JsonInputFormat format : FORMATS) {
        List<Map<String, Object>> ascii = AsciiFlatJson.read(value, format.isKeepNullColumns(), names);
        RawRows tree;
        try {
          tree = format.readTrees(InputEntity.ofValue(value), value);
        } catch (ParseException e) {
          assertNull(ascii, json);
          continue;
        }
        if (ascii != null) {
          answered++;
          assertSameRows(tree, format.isUseJsonNodeReader() ? RawRows.independent(ascii.stream().map(RawRow::of)
              .toList()) : RawRows.allOrNothing(ascii), json);
        }
      }
    }
    assertTrue(answered > 30_000, "the ASCII reader answered only " + answered + " times");
    assertNotNull(AsciiFlatJson.read(bytes(fixed.get(0)), false, names));
  }

  private static void assertSameRows(RawRows expected, RawRows actual, String json) {
    assertEquals(expected.isAllOrNothing(), actual.isAllOrNothing(), json);
    assertEquals(expected.rows().size(), actual.rows().size(), json);
    for (int i = 0; i < expected.rows().size(); i++) {
      RawRow e = expected.rows().get(i);
      RawRow a = actual.rows().get(i);
      assertEquals(e.isError(), a.isError(), json);
      if (e.isError()) {
        assertEquals(e.error().getMessage(), a.error().getMessage(), json);
        continue;
      }
      assertEquals(List.copyOf(e.fields().entrySet()).toString(), List.copyOf(a.fields().entrySet()).toString(),
          json);
      assertEquals(e.fields(), a.fields(), json);
      for (Map.Entry<String, Object> field : e.fields().entrySet()) {
        Object value = field.getValue();
        assertEquals(value == null ? null : value.getClass(), a.fields().get(field.getKey()) == null ? null
            : a.fields().get(field.getKey()).getClass(), json);
      }
      assertEquals(e.fields().get("missing-name"), a.fields().get("missing-name"), json);
    }
  }

  /** One to three objects of random scalars, arrays, nulls, repeated names and now and then nesting. */
  private static String randomRecord(Random random) {
    StringBuilder b = new StringBuilder();
    int objects = random.nextInt(10) == 0 ? 2 : 1;
    for (int o = 0; o < objects; o++) {
      b.append('{');
      int fields = random.nextInt(6);
      List<String> names = new ArrayList<>();
      for (int f = 0; f < fields; f++) {
        String name = random.nextInt(12) == 0 && !names.isEmpty() ? names.get(0) : "f" + random.nextInt(8);
        names.add(name);
        b.append(f == 0 ? "" : ", ").append('"').append(name).append("\": ").append(randomValue(random, 0));
      }
      b.append("} ");
    }
    return b.toString();
  }

  private static String randomValue(Random random, int depth) {
    switch (random.nextInt(depth == 0 ? 10 : 8)) {
      case 0:
        return "null";
      case 1:
        return Long.toString(random.nextLong() >> random.nextInt(64));
      case 2:
        return Double.toString(random.nextGaussian() * 1e6);
      case 3:
        return random.nextBoolean() ? "true" : "false";
      case 4:
        return random.nextInt(20) == 0 ? "123456789012345678901234567890" : Integer.toString(random.nextInt());
      case 5:
      case 6:
      case 7:
        switch (random.nextInt(12)) {
          case 0:
            return "\"tab\\t" + random.nextInt(100) + "\"";
          case 1:
            return "\"über" + random.nextInt(100) + "\"";
          case 2:
            return "0" + random.nextInt(10);
          case 3:
            return "-" + random.nextInt(10) + "." + random.nextInt(1000) + "e" + (random.nextInt(40) - 20);
          default:
            return "\"s" + random.nextInt(100) + "\"";
        }
      case 8:
        List<String> elements = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          elements.add(randomValue(random, depth + 1));
        }
        return "[" + String.join(", ", elements) + "]";
      default:
        return "{\"x\": " + randomValue(random, depth + 1) + "}";
    }
  }

  private static byte[] bytes(String json) {
    return json.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
  }
}
