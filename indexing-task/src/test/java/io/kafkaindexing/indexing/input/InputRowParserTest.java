package io.kafkaindexing.indexing.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.segment.row.InputRow;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import io.kafkaindexing.segment.spec.TimestampSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.junit.jupiter.api.Test;

class InputRowParserTest {
  private static final long SEED_MILLIS = new DateTime("2018-03-06T09:57:58Z", DateTimeZone.UTC).getMillis();

  private static Map<String, Object> row(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static InputRowParser seedParser() {
    return new InputRowParser(new TimestampSpec("time", "auto", null), DimensionsSpec.of(List.of("url", "user")),
        Set.of("latencyMs"));
  }

  @Test
  void autoTimestampsReadIsoAndMillis() throws Exception {
    InputRowParser parser = seedParser();
    assertEquals(SEED_MILLIS, parser.parse(row("time", "2018-03-06T09:57:58Z")).getTimestampFromEpoch());
    assertEquals(SEED_MILLIS, parser.parse(row("time", "2018-03-06T10:57:58+01:00")).getTimestampFromEpoch());
    assertEquals(SEED_MILLIS, parser.parse(row("time", SEED_MILLIS)).getTimestampFromEpoch(), "a JSON number");
    assertEquals(SEED_MILLIS, parser.parse(row("time", Double.valueOf(SEED_MILLIS))).getTimestampFromEpoch(),
        "a JSON floating-point number");
    assertEquals(SEED_MILLIS, parser.parse(row("time", Long.toString(SEED_MILLIS))).getTimestampFromEpoch(),
        "an all-digit string");
  }

  @Test
  void listedDimensionsOnly() throws Exception {
    InputRow r = seedParser().parse(row("time", "2018-03-06T09:57:58Z", "url", "/", "user", "bob", "latencyMs", 11,
        "extra", "x"));
    assertEquals(List.of("url", "user"), r.getDimensions());
    assertEquals("bob", r.getRaw("user"));
    assertEquals(11, r.getRaw("latencyMs"), "metric inputs stay readable");
  }

  @Test
  void schemalessDiscoversAllButTimestampMetricInputsAndExclusions() throws Exception {
    InputRowParser parser = new InputRowParser(new TimestampSpec("time", null, null),
        new DimensionsSpec(null, List.of("secret"), null, null), Set.of("latencyMs", "bytes"));
    InputRow r = parser.parse(row("user", "bob", "time", SEED_MILLIS, "latencyMs", 1, "secret", "s", "url", "/",
        "bytes", 7, "country", "fr"));
    assertEquals(List.of("user", "url", "country"), r.getDimensions(), "in input order");
  }

  @Test
  void includeAllDimensionsPutsListedOnesFirst() throws Exception {
    InputRowParser parser = new InputRowParser(new TimestampSpec("time", null, null),
        new DimensionsSpec(List.of(io.kafkaindexing.segment.spec.DimensionSchema.of("user")), null, true, null),
        Set.of());
    InputRow r = parser.parse(row("time", SEED_MILLIS, "url", "/", "user", "bob"));
    assertEquals(List.of("user", "url"), r.getDimensions());
  }

  @Test
  void aMetricInputListedAsADimensionStaysADimension() throws Exception {
    InputRowParser parser = new InputRowParser(new TimestampSpec("time", null, null),
        new DimensionsSpec(List.of(io.kafkaindexing.segment.spec.DimensionSchema.of("latencyMs")), null, true, null),
        Set.of("latencyMs"));
    assertEquals(List.of("latencyMs"), parser.parse(row("time", SEED_MILLIS, "latencyMs", 3)).getDimensions());
  }

  @Test
  void missingValueIsUsedWhenTheColumnIsAbsent() throws Exception {
    InputRowParser parser = new InputRowParser(new TimestampSpec("time", null, new DateTime(SEED_MILLIS)),
        DimensionsSpec.of(List.of("user")), Set.of());
    assertEquals(SEED_MILLIS, parser.parse(row("user", "bob")).getTimestampFromEpoch());
  }

  @Test
  void missingOrBadTimestampIsAParseException() {
    ParseException missing = assertThrows(ParseException.class, () -> seedParser().parse(row("user", "bob")));
    assertTrue(missing.getMessage().startsWith("Timestamp[null] is unparseable! Event: {user=bob}"),
        missing.getMessage());
    ParseException bad = assertThrows(ParseException.class,
        () -> seedParser().parse(row("time", "yesterday", "user", "bob")));
    assertTrue(bad.getMessage().startsWith("Timestamp[yesterday] is unparseable!"), bad.getMessage());
    ParseException wrongFormat = assertThrows(ParseException.class, () -> new InputRowParser(
        new TimestampSpec("time", "millis", null), DimensionsSpec.of(List.of()), Set.of())
        .parse(row("time", "2018-03-06T09:57:58Z")));
    assertTrue(wrongFormat.getMessage().contains("2018-03-06T09:57:58Z"), wrongFormat.getMessage());
  }
}
