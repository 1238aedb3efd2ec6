package io.kafkaindexing.query.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.query.QueryTestMapper;
import java.nio.charset.StandardCharsets;
import org.joda.time.DateTime;
import org.junit.jupiter.api.Test;

/** Extraction functions on Druid's documented examples (docs/querying/dimensionspecs.md) and null handling. */
class ExtractionFnsTest {
  private static final ObjectMapper MAPPER = QueryTestMapper.create();

  private static ExtractionFn fn(String json) {
    return JsonBodies.read(MAPPER, json.getBytes(StandardCharsets.UTF_8), ExtractionFn.class, "extractionFn");
  }

  @Test
  void regex() {
    ExtractionFn fn = fn("{\"type\":\"regex\",\"expr\":\"(\\\\w\\\\w\\\\w).*\"}");
    assertEquals("Mon", fn.apply("Monday"));
    assertEquals("--", fn.apply("--"), "no match: the value itself");
    assertNull(fn.apply(null));
    ExtractionFn replacing = fn("{\"type\":\"regex\",\"expr\":\"^(a)\",\"index\":0,\"replaceMissingValue\":true,"
        + "\"replaceMissingValueWith\":\"none\"}");
    assertEquals("a", replacing.apply("abc"));
    assertEquals("none", replacing.apply("xyz"));
    assertEquals("none", replacing.apply(null));
    assertThrows(DruidException.class, () -> fn("{\"type\":\"regex\",\"expr\":\"a\",\"index\":2}"));
  }

  @Test
  void partialSubstringStrlenCase() {
    assertEquals("abc", fn("{\"type\":\"partial\",\"expr\":\"b\"}").apply("abc"));
    assertNull(fn("{\"type\":\"partial\",\"expr\":\"z\"}").apply("abc"));
    assertEquals("bcde", fn("{\"type\":\"substring\",\"index\":1,\"length\":4}").apply("abcdef"));
    assertEquals("def", fn("{\"type\":\"substring\",\"index\":3}").apply("abcdef"));
    assertNull(fn("{\"type\":\"substring\",\"index\":6}").apply("abcdef"));
    assertNull(fn("{\"type\":\"substring\",\"index\":0}").apply(""));
    assertEquals("5", fn("{\"type\":\"substring\",\"index\":0,\"length\":1}").apply(56L));
    assertEquals("6", fn("{\"type\":\"strlen\"}").apply("abcdef"));
    assertEquals("0", fn("{\"type\":\"strlen\"}").apply(""));
    assertNull(fn("{\"type\":\"strlen\"}").apply(null));
    assertEquals("ABC", fn("{\"type\":\"upper\"}").apply("abc"));
    assertEquals("İ", fn("{\"type\":\"upper\",\"locale\":\"tr\"}").apply("i"));
    assertEquals("abc", fn("{\"type\":\"lower\"}").apply("ABC"));
    assertEquals("", fn("{\"type\":\"lower\"}").apply(""));
  }

  @Test
  void searchQueryKeepsTheValuesTheSpecAccepts() throws Exception {
    ExtractionFn fn = fn("{\"type\":\"searchQuery\",\"query\":{\"type\":\"insensitive_contains\",\"value\":\"AR\"}}");
    assertEquals("Bar", fn.apply("Bar"));
    assertEquals("car", fn.apply("car"));
    assertNull(fn.apply("foo"));
    assertNull(fn.apply(null));
    assertNull(fn("{\"type\":\"searchQuery\",\"query\":{\"type\":\"fragment\",\"values\":[\"a\",\"c\"],"
        + "\"caseSensitive\":true}}").apply("Bar"));
    assertEquals(fn, MAPPER.readValue(MAPPER.writeValueAsString(fn), ExtractionFn.class));
    assertThrows(DruidException.class, () -> fn("{\"type\":\"searchQuery\"}"));
  }

  @Test
  void timeParsesWithOneFormatAndPrintsWithTheOther() throws Exception {
    ExtractionFn simple = fn("{\"type\":\"time\",\"timeFormat\":\"MM/dd/yyyy\",\"resultFormat\":\"yyyy-MM-dd\"}");
    assertEquals("2018-03-06", simple.apply("03/06/2018"));
    assertEquals("not a date", simple.apply("not a date"), "unparseable values are returned as they are");
    assertNull(simple.apply(null));
    assertNull(simple.apply(""));
    ExtractionFn joda = fn("{\"type\":\"time\",\"timeFormat\":\"dd.MM.yyyy HH:mm\",\"resultFormat\":"
        + "\"yyyy-MM-dd'T'HH\",\"joda\":true}");
    assertEquals("2018-03-06T09", joda.apply("06.03.2018 09:57"));
    assertEquals("06/03/2018", joda.apply("06/03/2018"));
    assertEquals(joda, MAPPER.readValue(MAPPER.writeValueAsString(joda), ExtractionFn.class));
    assertThrows(DruidException.class, () -> fn("{\"type\":\"time\",\"timeFormat\":\"yyyy\"}"));
    assertThrows(DruidException.class, () -> fn("{\"type\":\"time\",\"timeFormat\":\"qqq\",\"resultFormat\":\"y\"}"));
  }

  @Test
  void timeFormat() {
    long t = new DateTime("2018-03-06T09:57:58Z").getMillis();
    assertEquals("mardi", fn("{\"type\":\"timeFormat\",\"format\":\"EEEE\",\"timeZone\":\"America/Montreal\","
        + "\"locale\":\"fr\"}").apply(t));
    assertEquals("2018-03-06T09:00:00.000Z", fn("{\"type\":\"timeFormat\",\"granularity\":\"hour\"}").apply(t));
    assertEquals("2018-03-06", fn("{\"type\":\"timeFormat\",\"format\":\"yyyy-MM-dd\"}")
        .apply("2018-03-06T23:00:00Z"));
    assertEquals("09", fn("{\"type\":\"timeFormat\",\"format\":\"HH\",\"asMillis\":true}").apply(String.valueOf(t)));
    assertNull(fn("{\"type\":\"timeFormat\",\"format\":\"HH\"}").apply("not a time"));
  }

  @Test
  void lookupAndOthers() {
    String map = "\"lookup\":{\"type\":\"map\",\"map\":{\"foo\":\"bar\",\"baz\":\"bat\"}}";
    assertEquals("bar", fn("{\"type\":\"lookup\"," + map + ",\"retainMissingValue\":true}").apply("foo"));
    assertEquals("qux", fn("{\"type\":\"lookup\"," + map + ",\"retainMissingValue\":true}").apply("qux"));
    assertNull(fn("{\"type\":\"lookup\"," + map + "}").apply("qux"));
    assertEquals("MISSING", fn("{\"type\":\"lookup\"," + map + ",\"replaceMissingValueWith\":\"MISSING\"}")
        .apply(null));
    assertThrows(DruidException.class, () -> fn("{\"type\":\"lookup\"," + map + ",\"retainMissingValue\":true,"
        + "\"replaceMissingValueWith\":\"x\"}"));
    assertEquals("[abc]", fn("{\"type\":\"stringFormat\",\"format\":\"[%s]\"}").apply("abc"));
    assertEquals("[null]", fn("{\"type\":\"stringFormat\",\"format\":\"[%s]\"}").apply(null));
    assertNull(fn("{\"type\":\"stringFormat\",\"format\":\"[%s]\",\"nullHandling\":\"returnNull\"}").apply(null));
    assertEquals("25", fn("{\"type\":\"bucket\",\"size\":10,\"offset\":5}").apply(27L));
    assertEquals("1.5", fn("{\"type\":\"bucket\",\"size\":0.5}").apply("1.7"));
    assertEquals("BA", fn("{\"type\":\"cascade\",\"extractionFns\":[{\"type\":\"substring\",\"index\":1},"
        + "{\"type\":\"upper\"}]}").apply("xba"));
  }
}
