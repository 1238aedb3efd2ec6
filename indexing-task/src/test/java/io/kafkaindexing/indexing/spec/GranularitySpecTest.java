package io.kafkaindexing.indexing.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.indexing.TestMappers;
import io.kafkaindexing.segment.granularity.Granularities;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GranularitySpecTest {
  private static final ObjectMapper MAPPER = TestMappers.create();

  private static GranularitySpec read(String json) {
    return JsonBodies.read(MAPPER, json.getBytes(StandardCharsets.UTF_8), GranularitySpec.class, "granularitySpec");
  }

  @Test
  void echoesAsDruidDoes() throws Exception {
    GranularitySpec spec = read("{\"type\":\"uniform\",\"segmentGranularity\":\"hour\",\"queryGranularity\":\"none\"}");
    assertEquals("{\"type\":\"uniform\",\"segmentGranularity\":\"HOUR\",\"queryGranularity\":{\"type\":\"none\"},"
        + "\"rollup\":true,\"intervals\":[]}", MAPPER.writeValueAsString(spec));
  }

  @Test
  void docsExampleEcho() throws Exception {
    GranularitySpec spec = read("{\"queryGranularity\":\"none\",\"rollup\":false,\"segmentGranularity\":\"hour\"}");
    assertEquals(MAPPER.readTree("{\"type\":\"uniform\",\"segmentGranularity\":\"HOUR\","
        + "\"queryGranularity\":{\"type\":\"none\"},\"rollup\":false,\"intervals\":[]}"), MAPPER.valueToTree(spec));
  }

  @Test
  void defaultsAndOtherGranularities() throws Exception {
    GranularitySpec d = read("{}");
    assertEquals(Granularities.DAY, d.getSegmentGranularity());
    assertEquals(Granularities.NONE, d.getQueryGranularity());
    assertTrue(d.isRollup());
    assertEquals(GranularitySpec.defaults(), d);

    GranularitySpec minute = read("{\"segmentGranularity\":\"DAY\",\"queryGranularity\":\"minute\","
        + "\"intervals\":[\"2018-03-06/2018-03-07\"]}");
    assertEquals(Granularities.MINUTE, minute.getQueryGranularity());
    assertEquals("{\"type\":\"uniform\",\"segmentGranularity\":\"DAY\",\"queryGranularity\":\"MINUTE\",\"rollup\":true,"
        + "\"intervals\":[\"2018-03-06T00:00:00.000Z/2018-03-07T00:00:00.000Z\"]}", MAPPER.writeValueAsString(minute));
    assertEquals(minute, read(MAPPER.writeValueAsString(minute)), "round trip");
    assertFalse(minute.equals(d));
  }

  @Test
  void refusesWhatStreamingCannotUse() {
    DruidException none = assertThrows(DruidException.class, () -> read("{\"segmentGranularity\":\"none\"}"));
    assertTrue(none.getMessage().contains("granularitySpec.segmentGranularity cannot be \"none\""), none.getMessage());
    DruidException type = assertThrows(DruidException.class, () -> read("{\"type\":\"arbitrary\"}"));
    assertTrue(type.getMessage().contains("granularitySpec.type[arbitrary] is not supported"), type.getMessage());
    DruidException bad = assertThrows(DruidException.class, () -> read("{\"segmentGranularity\":\"fortnight\"}"));
    assertTrue(bad.getMessage().startsWith("Invalid value for field[segmentGranularity]"), bad.getMessage());
  }

  @Test
  void typeIsCaseInsensitive() {
    assertEquals(Granularities.HOUR, read("{\"type\":\"Uniform\",\"segmentGranularity\":\"HOUR\"}")
        .getSegmentGranularity());
  }
}
