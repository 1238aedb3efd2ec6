package io.kafkaindexing.indexing.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kafkaindexing.segment.row.InputRow;
import io.kafkaindexing.segment.spec.DimensionSchema;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import io.kafkaindexing.segment.spec.TimestampSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which fields become dimensions, and the timestamp errors, as Druid's map parser does it. */
class InputRowParserDiscoveryTest {
  private static final TimestampSpec TS = new TimestampSpec("ts", "auto", null);

  private static Map<String, Object> row() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ts", "2018-03-06T00:00:00Z");
    m.put("b", 1);
    m.put("a", "x");
    m.put("secret", "s");
    m.put("latency", 5);
    return m;
  }

  private static List<String> dims(DimensionsSpec spec) throws ParseException {
    return new InputRowParser(TS, spec, Set.of("latency", "sumLatency")).parse(row()).getDimensions();
  }

  @Test
  void dimensionDiscovery() throws Exception {
    DimensionsSpec listed = new DimensionsSpec(List.of(DimensionSchema.of("a")), null, null, null);
    assertEquals(List.of("a"), dims(listed));
    assertEquals(List.of("b", "a"), dims(new DimensionsSpec(null, List.of("secret"), null, null)),
        "schemaless: every field but the timestamp, exclusions and metric fields");
    assertEquals(List.of("a", "b"), dims(new DimensionsSpec(List.of(DimensionSchema.of("a")), List.of("secret"),
        true, null)), "includeAllDimensions: listed first, then the others");
    assertEquals(List.of("a", "b", "secret"), dims(new DimensionsSpec(List.of(DimensionSchema.of("a")), null, null,
        true)), "useSchemaDiscovery discovers too");
  }

  @Test
  void timestampErrorsUseDruidsMessages() throws Exception {
    InputRowParser parser = new InputRowParser(TS, DimensionsSpec.of(List.of()), Set.of());
    Map<String, Object> bad = new LinkedHashMap<>(Map.of("ts", "soon"));
    ParseException e = assertThrows(ParseException.class, () -> parser.parse(bad));
    assertEquals("Timestamp[soon] is unparseable! Event: {ts=soon}", e.getMessage());
    assertEquals("{ts=soon}", e.input());
    e = assertThrows(ParseException.class, () -> parser.parse(Map.of("x", "1")));
    assertEquals("Timestamp[null] is unparseable! Event: {x=1}", e.getMessage());
    e = assertThrows(ParseException.class, () -> parser.parse(Map.of("ts", Long.MAX_VALUE)));
    assertEquals("Encountered row with timestamp[" + Long.MAX_VALUE + "] that cannot be represented as a long: [{ts="
        + Long.MAX_VALUE + "}]", e.getMessage());
    Map<String, Object> longRow = new LinkedHashMap<>(Map.of("ts", "x", "pad", "y".repeat(200)));
    String msg = assertThrows(ParseException.class, () -> parser.parse(longRow)).getMessage();
    assertEquals("Timestamp[x] is unparseable! Event: ".length() + 103, msg.length(), "events are cut at 100 chars");
    InputRow ok = parser.parse(Map.of("ts", 1520294400000L));
    assertEquals(1520294400000L, ok.getTimestampFromEpoch());
  }
}
