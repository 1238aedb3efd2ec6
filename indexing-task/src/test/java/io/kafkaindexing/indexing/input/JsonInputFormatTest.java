package io.kafkaindexing.indexing.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.indexing.TestMappers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonInputFormatTest {
  private static final JsonInputFormat FORMAT = new JsonInputFormat(null, null);

  private static List<Map<String, Object>> read(String value) throws ParseException {
    return FORMAT.read(value.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void oneObjectIsOneRowInFieldOrder() throws Exception {
    List<Map<String, Object>> rows = read("{\"time\": \"2018-03-06T09:57:58Z\", \"url\": \"/foo/bar\", "
        + "\"user\": \"alice\", \"latencyMs\": 32}");
    assertEquals(1, rows.size());
    assertEquals(List.of("time", "url", "user", "latencyMs"), new ArrayList<>(rows.get(0).keySet()));
    assertEquals(32, rows.get(0).get("latencyMs"));
  }

  @Test
  void severalObjectsPerRecord() throws Exception {
    List<Map<String, Object>> rows = read("{\"a\":1}\n{\"a\":2} {\"a\":3}");
    assertEquals(List.of(Map.of("a", 1), Map.of("a", 2), Map.of("a", 3)), rows);
  }

  @Test
  void nestedValuesAreKept() throws Exception {
    Map<String, Object> row = read("{\"tags\":[\"x\",\"y\"],\"geo\":{\"lat\":1.5}}").get(0);
    assertEquals(List.of("x", "y"), row.get("tags"));
    assertEquals(Map.of("lat", 1.5), row.get("geo"));
  }

  @Test
  void nullsAreDroppedUnlessKept() throws Exception {
    assertEquals(Map.of("a", 1), read("{\"a\":1,\"b\":null}").get(0));
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("a", 1);
    expected.put("b", null);
    assertEquals(List.of(expected), new JsonInputFormat(null, true).read("{\"a\":1,\"b\":null}".getBytes(
        StandardCharsets.UTF_8)));
  }

  @Test
  void nonObjectsAreParseErrors() {
    for (String value : List.of("[{\"a\":1}]", "42", "\"text\"", "{\"a\":1} 7", "true")) {
      ParseException e = assertThrows(ParseException.class, () -> read(value), value);
      assertTrue(e.getMessage().startsWith("Expected a JSON object but got "), e.getMessage());
    }
    ParseException located = assertThrows(ParseException.class, () -> read("{\"a\":1}\n  [1]"));
    assertTrue(located.getMessage().endsWith("at line 2, column 3"), located.getMessage());
  }

  @Test
  void malformedJsonIsAParseError() {
    ParseException e = assertThrows(ParseException.class, () -> read("{\"a\": 1,"));
    assertTrue(e.getMessage().startsWith("Unable to parse row [{\"a\": 1,]"), e.getMessage());
    ParseException notJson = assertThrows(ParseException.class, () -> read("time=1 user=bob"));
    assertTrue(notJson.getMessage().startsWith("Unable to parse row [time=1 user=bob]"), notJson.getMessage());
  }

  @Test
  void longRecordsArePreviewedInMessages() {
    char[] junk = new char[500];
    Arrays.fill(junk, 'x');
    ParseException e = assertThrows(ParseException.class, () -> read(new String(junk)));
    assertTrue(e.getMessage().contains("x".repeat(200) + "...]"), e.getMessage());
    assertTrue(!e.getMessage().contains("x".repeat(300)), "the whole record is never quoted: " + e.getMessage());
  }

  @Test
  void tombstoneAndEmptyRecordsAreParseErrors() {
    ParseException tombstone = assertThrows(ParseException.class, () -> FORMAT.read(null));
    assertEquals("Record has no value (tombstone)", tombstone.getMessage());
    for (String empty : List.of("", "   \n")) {
      ParseException e = assertThrows(ParseException.class, () -> read(empty));
      assertEquals("Record holds no JSON object", e.getMessage());
    }
  }

  @Test
  void jsonFormIsDruids() throws Exception {
    ObjectMapper mapper = TestMappers.create();
    InputFormat format = mapper.readValue("{\"type\":\"JSON\"}", InputFormat.class);
    assertInstanceOf(JsonInputFormat.class, format);
    assertEquals("{\"type\":\"json\"}", mapper.writeValueAsString(format));
    InputFormat keep = mapper.readValue("{\"type\":\"json\",\"keepNullColumns\":true}", InputFormat.class);
    assertEquals("{\"type\":\"json\",\"keepNullColumns\":true}", mapper.writeValueAsString(keep));
    assertEquals(new JsonInputFormat(null, true), keep);
    assertEquals(new JsonInputFormat(Map.of(), false), format, "an empty flattenSpec is no flattenSpec");
  }

  @Test
  void flattenSpecIsRefusedNamingTheField() {
    DruidException e = assertThrows(DruidException.class, () -> JsonBodies.read(TestMappers.create(),
        "{\"type\":\"json\",\"flattenSpec\":{\"useFieldDiscovery\":true}}".getBytes(StandardCharsets.UTF_8),
        InputFormat.class, "inputFormat"));
    assertTrue(e.getMessage().contains("inputFormat.flattenSpec is not supported yet"), e.getMessage());
  }
}
