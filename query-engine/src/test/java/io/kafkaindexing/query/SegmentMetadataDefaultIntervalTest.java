package io.kafkaindexing.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.segment.SegmentId;
import io.kafkaindexing.segment.granularity.Granularities;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * segmentMetadata without {@code intervals} analyzes, as Druid's Broker with its default
 * {@code defaultHistory} (P1W), only the segments that overlap the week before the latest segment's
 * end; with {@code intervals} every covered segment. The expected segment ids are worked out here
 * from the row times.
 */
class SegmentMetadataDefaultIntervalTest {
  private static final ObjectMapper MAPPER = QueryTestMapper.create();
  private static final List<String> TIMES = List.of("2018-02-01T10:15:00Z", "2018-02-27T09:30:00Z",
      "2018-02-27T12:05:00Z", "2018-03-06T09:57:58Z");

  private static SegmentRegistry registry() {
    List<Map<String, Object>> events = new ArrayList<>();
    for (String time : TIMES) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("time", time);
      e.put("url", "/");
      e.put("user", "u");
      e.put("latencyMs", 1);
      events.add(e);
    }
    SegmentRegistry registry = new SegmentRegistry();
    SeedData.announce(registry, "ds", Granularities.HOUR,
        SeedData.indexBySegment(SeedData.inputRows(events), Granularities.HOUR, SeedData::seedSchema));
    return registry;
  }

  private static List<String> ids(String json) throws Exception {
    Query query = JsonBodies.read(MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
    JsonNode results = MAPPER.readTree(MAPPER.writeValueAsString(new QueryExecutor(registry()).run(query.withId("m"))));
    List<String> ids = new ArrayList<>();
    results.forEach(r -> ids.add(r.get("id").asText()));
    return ids;
  }

  /** The id of the hourly segment holding {@code time}. */
  private static String segmentIdOf(String time) {
    long start = Instant.parse(time).toEpochMilli() / 3_600_000L * 3_600_000L;
    return new SegmentId("ds", Granularities.HOUR.bucket(start), "v1", 0).toString();
  }

  @Test
  void withoutIntervalsOnlyTheLastWeekBeforeTheLatestSegmentsEndIsAnalyzed() throws Exception {
    Instant latestEnd = TIMES.stream().map(t -> Instant.ofEpochMilli(
        Instant.parse(t).toEpochMilli() / 3_600_000L * 3_600_000L + 3_600_000L)).max(Instant::compareTo).orElseThrow();
    Instant weekBefore = latestEnd.minus(Duration.ofDays(7));
    List<String> expected = new ArrayList<>();
    for (String time : TIMES) {
      Instant start = Instant.ofEpochMilli(Instant.parse(time).toEpochMilli() / 3_600_000L * 3_600_000L);
      if (start.plus(Duration.ofHours(1)).isAfter(weekBefore)) {
        expected.add(segmentIdOf(time));
      }
    }
    assertEquals(2, expected.size(), "the fixture has two hours in the last week");
    assertEquals(expected, ids("{\"queryType\":\"segmentMetadata\",\"dataSource\":\"ds\"}"));
  }

  @Test
  void explicitIntervalsAnalyzeEveryCoveredSegment() throws Exception {
    List<String> all = TIMES.stream().map(SegmentMetadataDefaultIntervalTest::segmentIdOf).toList();
    assertEquals(all, ids("{\"queryType\":\"segmentMetadata\",\"dataSource\":\"ds\",\"intervals\":[\"2018/2019\"]}"));
  }

  @Test
  void theDefaultIntervalSurvivesAJsonRoundTrip() throws Exception {
    String json = "{\"queryType\":\"segmentMetadata\",\"dataSource\":\"ds\"}";
    Query query = JsonBodies.read(MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
    String written = MAPPER.writeValueAsString(query.withId("x"));
    assertTrue(written.contains("\"usingDefaultInterval\":true"), written);
    assertEquals(query.withId("x"), MAPPER.readValue(written, Query.class));
  }
}
