package io.kafkaindexing.indexing.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskReportsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void liveAndCompletionShapes() throws Exception {
    RowIngestionMeters meters = new RowIngestionMeters(() -> 0L);
    meters.incrementProcessed();
    meters.addProcessedBytes(12);
    meters.incrementThrownAway(ThrownAwayReason.NULL);
    ParseExceptionHandler handler = new ParseExceptionHandler("t1", meters, false, 10, 5, () -> 99L);
    handler.handle("{x", "Unable to parse row [{x]", false, new ParseExceptionHandler.Source("m", 1, 4));
    TaskReports.Snapshot s = new TaskReports.Snapshot("t1", IngestionState.BUILD_SEGMENTS, meters, handler, null,
        Map.of("1", 3L), Map.of("priority", 75));

    JsonNode live = JSON.valueToTree(TaskReports.live(s));
    JsonNode expectedTotals = JSON.readTree("{\"processed\":1,\"processedBytes\":12,\"processedWithError\":0,"
        + "\"thrownAway\":1,\"unparseable\":1,\"thrownAwayByReason\":{\"null\":1}}");
    JsonNode expectedEvents = JSON.readTree("{\"buildSegments\":[{\"input\":\"{x\",\"errorType\":\"unparseable\","
        + "\"details\":[\"Unable to parse row [{x]\"],\"timeOfExceptionMillis\":99,\"topic\":\"m\",\"partition\":1,"
        + "\"offset\":4}]}");
    JsonNode stats = live.get("ingestionStatsAndErrors");
    assertEquals("ingestionStatsAndErrors", stats.get("type").asText());
    assertEquals("t1", stats.get("taskId").asText());
    assertEquals("BUILD_SEGMENTS", stats.get("payload").get("ingestionState").asText());
    assertEquals(expectedEvents.toString(), stats.get("payload").get("unparseableEvents").toString());
    assertEquals(expectedTotals.toString(),
        stats.get("payload").get("rowStats").get("totals").get("buildSegments").toString());
    List<String> windows = new java.util.ArrayList<>();
    stats.get("payload").get("rowStats").get("movingAverages").get("buildSegments").fieldNames()
        .forEachRemaining(windows::add);
    assertEquals(List.of("1m", "5m", "15m"), windows);

    JsonNode done = JSON.valueToTree(TaskReports.completion(new TaskReports.Snapshot("t1", IngestionState.COMPLETED,
        meters, handler, "boom", Map.of("1", 3L), Map.of("priority", 75))));
    JsonNode payload = done.get("ingestionStatsAndErrors").get("payload");
    assertEquals("COMPLETED", payload.get("ingestionState").asText());
    assertEquals(expectedTotals.toString(), payload.get("rowStats").get("buildSegments").toString());
    assertEquals("boom", payload.get("errorMsg").asText());
    assertEquals("{\"1\":3}", payload.get("recordsProcessed").toString());
    assertEquals("{\"type\":\"taskContext\",\"taskId\":\"t1\",\"payload\":{\"priority\":75}}",
        done.get("taskContext").toString());
  }

  @Test
  void noSavedExceptionsMeansEmptyUnparseableEvents() {
    RowIngestionMeters meters = new RowIngestionMeters();
    ParseExceptionHandler none = new ParseExceptionHandler("t", meters, false, 10, 0, () -> 0L);
    Map<String, Object> live = TaskReports.live(new TaskReports.Snapshot("t", IngestionState.NOT_STARTED, meters,
        none, null, Map.of(), Map.of()));
    @SuppressWarnings("unchecked")
    Map<String, Object> payload = (Map<String, Object>) ((Map<String, Object>) live.get("ingestionStatsAndErrors"))
        .get("payload");
    assertEquals(Map.of(), payload.get("unparseableEvents"));
  }
}
