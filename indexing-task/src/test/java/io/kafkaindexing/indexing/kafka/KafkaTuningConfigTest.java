package io.kafkaindexing.indexing.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.indexing.TestMappers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.joda.time.Period;
import org.junit.jupiter.api.Test;

class KafkaTuningConfigTest {
  private static final ObjectMapper MAPPER = TestMappers.create();

  /** Druid 33's echo of an all-default Kafka tuningConfig (druid-facts 3.3 and 5.3). */
  static final String DEFAULTS_ECHO = "{"
      + "\"type\":\"kafka\","
      + "\"appendableIndexSpec\":{\"type\":\"onheap\",\"preserveExistingMetrics\":false},"
      + "\"maxRowsInMemory\":150000,"
      + "\"maxBytesInMemory\":0,"
      + "\"skipBytesInMemoryOverheadCheck\":false,"
      + "\"maxRowsPerSegment\":5000000,"
      + "\"maxTotalRows\":null,"
      + "\"intermediatePersistPeriod\":\"PT10M\","
      + "\"maxPendingPersists\":0,"
      + "\"indexSpec\":{\"bitmap\":{\"type\":\"roaring\"},\"dimensionCompression\":\"lz4\","
      + "\"stringDictionaryEncoding\":{\"type\":\"utf8\"},\"metricCompression\":\"lz4\",\"longEncoding\":\"longs\"},"
      + "\"indexSpecForIntermediatePersists\":{\"bitmap\":{\"type\":\"roaring\"},\"dimensionCompression\":\"lz4\","
      + "\"stringDictionaryEncoding\":{\"type\":\"utf8\"},\"metricCompression\":\"lz4\",\"longEncoding\":\"longs\"},"
      + "\"reportParseExceptions\":false,"
      + "\"handoffConditionTimeout\":900000,"
      + "\"resetOffsetAutomatically\":false,"
      + "\"segmentWriteOutMediumFactory\":null,"
      + "\"workerThreads\":null,"
      + "\"chatRetries\":8,"
      + "\"httpTimeout\":\"PT10S\","
      + "\"shutdownTimeout\":\"PT80S\","
      + "\"offsetFetchPeriod\":\"PT30S\","
      + "\"intermediateHandoffPeriod\":\"P2147483647D\","
      + "\"logParseExceptions\":false,"
      + "\"maxParseExceptions\":2147483647,"
      + "\"maxSavedParseExceptions\":0,"
      + "\"skipSequenceNumberAvailabilityCheck\":false,"
      + "\"repartitionTransitionDuration\":\"PT120S\""
      + "}";

  private static KafkaTuningConfig read(String json) {
    return JsonBodies.read(MAPPER, json.getBytes(StandardCharsets.UTF_8), KafkaTuningConfig.class, "tuningConfig");
  }

  @Test
  void defaultsAreEchoedExactlyAsDruid() throws Exception {
    assertEquals(DEFAULTS_ECHO, MAPPER.writeValueAsString(read("{\"type\":\"kafka\"}")));
    assertEquals(DEFAULTS_ECHO, MAPPER.writeValueAsString(KafkaTuningConfig.defaults()));
    assertEquals(KafkaTuningConfig.defaults(), read("{}"));
  }

  @Test
  void seedTuningConfigCoercesStringsAndAcceptsAnyCaseType() throws Exception {
    KafkaTuningConfig c = read("{\"type\": \"Kafka\", \"maxRowsInMemory\": \"100000\"}");
    assertEquals(100_000, c.getMaxRowsInMemory());
    assertEquals("kafka", MAPPER.valueToTree(c).get("type").asText(), "echoed in Druid's spelling");
    assertEquals(DEFAULTS_ECHO.replace("\"maxRowsInMemory\":150000", "\"maxRowsInMemory\":100000"),
        MAPPER.writeValueAsString(c));
    assertEquals(c, read(MAPPER.writeValueAsString(c)), "round trip");
  }

  @Test
  void givenValuesAreKept() {
    KafkaTuningConfig c = read("{\"maxRowsPerSegment\":\"10\",\"maxTotalRows\":20,\"intermediatePersistPeriod\":\"PT1M\","
        + "\"handoffConditionTimeout\":0,\"intermediateHandoffPeriod\":\"PT1H\",\"maxParseExceptions\":5,"
        + "\"maxSavedParseExceptions\":3,\"logParseExceptions\":true,\"workerThreads\":2,\"chatRetries\":1,"
        + "\"httpTimeout\":\"PT1S\",\"indexSpec\":{\"bitmap\":{\"type\":\"concise\"}}}");
    assertEquals(10, c.getMaxRowsPerSegment());
    assertEquals(20L, c.getMaxTotalRows());
    assertEquals(Period.minutes(1), c.getIntermediatePersistPeriod());
    assertEquals(0L, c.getHandoffConditionTimeout());
    assertEquals(Period.hours(1), c.getIntermediateHandoffPeriod());
    assertEquals(5, c.getMaxParseExceptions());
    assertEquals(3, c.getMaxSavedParseExceptions());
    assertTrue(c.isLogParseExceptions());
    assertEquals(2, c.getWorkerThreads());
    assertEquals(1, c.getChatRetries());
    assertEquals(Period.seconds(1), c.getHttpTimeout());
    assertEquals(java.util.Map.of("type", "concise"), c.getIndexSpec().get("bitmap"));
    assertEquals("lz4", c.getIndexSpec().get("dimensionCompression"), "unset indexSpec fields keep their defaults");
    assertEquals(c.getIndexSpec(), c.getIndexSpecForIntermediatePersists());
    assertNotEquals(KafkaTuningConfig.defaults(), c);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"maxRowsInMemory:1", "maxBytesInMemory:1",
      "skipBytesInMemoryOverheadCheck:true", "maxRowsPerSegment:1", "maxTotalRows:1",
      "intermediatePersistPeriod:\"PT1M\"", "maxPendingPersists:1", "indexSpec:{\"longEncoding\":\"auto\"}",
      "indexSpecForIntermediatePersists:{\"longEncoding\":\"auto\"}", "reportParseExceptions:true",
      "handoffConditionTimeout:1", "resetOffsetAutomatically:true", "intermediateHandoffPeriod:\"PT1M\"",
      "logParseExceptions:true", "maxParseExceptions:1", "maxSavedParseExceptions:1",
      "skipSequenceNumberAvailabilityCheck:true", "workerThreads:1", "chatRetries:1", "httpTimeout:\"PT1S\"",
      "shutdownTimeout:\"PT1S\"", "offsetFetchPeriod:\"PT1M\"", "repartitionTransitionDuration:\"PT1M\""})
  void everyFieldTakesPartInEquality(String fieldAndValue) {
    // A spec update that changes only this field must not look unmodified (skipRestartIfUnmodified).
    int colon = fieldAndValue.indexOf(':');
    String json = "{\"" + fieldAndValue.substring(0, colon) + "\":" + fieldAndValue.substring(colon + 1) + "}";
    KafkaTuningConfig changed = read(json);
    assertNotEquals(KafkaTuningConfig.defaults(), changed, json);
    assertEquals(changed, read(json));
    assertEquals(changed.hashCode(), read(json).hashCode());
  }

  @Test
  void reportParseExceptionsCapsTheOthersAsDruid() {
    KafkaTuningConfig c = read("{\"reportParseExceptions\":true,\"maxParseExceptions\":100,"
        + "\"maxSavedParseExceptions\":10}");
    assertEquals(0, c.getMaxParseExceptions());
    assertEquals(1, c.getMaxSavedParseExceptions());
  }

  @Test
  void effectiveMaxBytesIsASixthOfTheHeap() {
    assertEquals(Runtime.getRuntime().maxMemory() / 6, KafkaTuningConfig.defaults().effectiveMaxBytesInMemory());
    assertEquals(1234L, read("{\"maxBytesInMemory\":1234}").effectiveMaxBytesInMemory());
  }

  @Test
  void parseThreadsIsOursAndEchoedOnlyWhenGiven() throws Exception {
    KafkaTuningConfig none = read("{\"parseThreads\": 0}");
    assertEquals(0, none.effectiveParseThreads());
    assertEquals(DEFAULTS_ECHO.replace("\"PT120S\"}", "\"PT120S\",\"parseThreads\":0}"),
        MAPPER.writeValueAsString(none));
    assertEquals(none, read(MAPPER.writeValueAsString(none)), "round trip");
    assertNotEquals(KafkaTuningConfig.defaults(), none);
    assertEquals(3, read("{\"parseThreads\": \"3\"}").effectiveParseThreads());
    int cores = Runtime.getRuntime().availableProcessors();
    assertEquals(Math.max(0, Math.min(2, cores - 1)), KafkaTuningConfig.defaults().effectiveParseThreads());
    DruidException negative = assertThrows(DruidException.class, () -> read("{\"parseThreads\": -1}"));
    assertEquals("tuningConfig.parseThreads must be 0 or more, got[-1]", negative.getMessage());
  }

  @Test
  void invalidValuesNameTheField() {
    for (String field : List.of("maxRowsInMemory", "maxRowsPerSegment")) {
      DruidException e = assertThrows(DruidException.class, () -> read("{\"" + field + "\": 0}"));
      assertEquals("tuningConfig." + field + " must be positive, got[0]", e.getMessage());
    }
    DruidException type = assertThrows(DruidException.class, () -> read("{\"type\":\"kinesis\"}"));
    assertEquals("tuningConfig.type[kinesis] is not supported: use \"kafka\"", type.getMessage());
    DruidException notNumber = assertThrows(DruidException.class, () -> read("{\"maxRowsInMemory\":\"lots\"}"));
    assertTrue(notNumber.getMessage().startsWith("Invalid value for field[maxRowsInMemory]"), notNumber.getMessage());
    DruidException period = assertThrows(DruidException.class, () -> read("{\"intermediatePersistPeriod\":\"10min\"}"));
    assertTrue(period.getMessage().startsWith("Invalid value for field[intermediatePersistPeriod]"),
        period.getMessage());
  }
}
