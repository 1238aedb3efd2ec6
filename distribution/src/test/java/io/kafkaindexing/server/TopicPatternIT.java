package io.kafkaindexing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaindexing.server.MetricsRows.Totals;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Druid's multi-topic ingestion: {@code topicPattern} reads every topic whose name matches, with
 * offsets keyed {@code topic:partition} (in the status report and in the committed metadata), a
 * topic created later is picked up, topics that do not match are ignored, and after a restart each
 * row is still counted once.
 */
class TopicPatternIT {
  private static final String V1 = "/druid/indexer/v1";

  @TempDir
  Path tmp;

  private static Map<String, Long> latestOffsets(Http.Response status) {
    Map<String, Long> latest = new TreeMap<>();
    try {
      JsonNode offsets = status.json().get("payload").get("latestOffsets");
      if (offsets != null && offsets.isObject()) {
        offsets.properties().forEach(e -> latest.put(e.getKey(), e.getValue().asLong()));
      }
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    return latest;
  }

  @Test
  void everyMatchingTopicIsIngestedOnce() throws Exception {
    try (TestCluster cluster = new TestCluster(tmp, Map.of("druid.historical.pollPeriod", "PT0.2S"))) {
      cluster.createTopic("metrics-a", 2);
      cluster.createTopic("metrics-b", 1);
      cluster.createTopic("other", 1);
      String spec = cluster.seed("supervisor-spec.json")
          .replace("\"topic\": \"metrics\"", "\"topicPattern\": \"metrics-.*\"")
          .replace("\"taskDuration\": \"PT1H\"", "\"taskDuration\": \"PT6S\", \"useEarliestOffset\": true,"
              + " \"startDelay\": \"PT0S\", \"period\": \"PT1S\"")
          .replace("\"taskCount\": 1", "\"taskCount\": 2")
          .replace("\"maxRowsInMemory\": \"100000\"", "\"maxRowsInMemory\": \"100000\","
              + " \"repartitionTransitionDuration\": \"PT2S\"");
      assertEquals(200, Http.post(cluster.overlord() + V1 + "/supervisor", spec).status());
      JsonNode io = Http.get(cluster.overlord() + V1 + "/supervisor/metrics-kafka").json().get("spec").get("ioConfig");
      assertEquals("metrics-.*", io.get("topicPattern").asText());
      assertEquals("metrics-.*", io.get("stream").asText());

      cluster.produce("metrics-a", MetricsRows.rows(0, 100), i -> i % 2);
      cluster.produce("metrics-b", MetricsRows.rows(100, 150), null);
      cluster.produce("other", MetricsRows.rows(1000, 1040), null);
      MetricsRows.await(cluster.broker(), "metrics-kafka", Totals.of(0, 150), Duration.ofSeconds(60));

      // Latest offsets are refreshed every second: wait for the ones after the last record.
      JsonNode payload = Http.await(() -> Http.get(cluster.overlord() + V1 + "/supervisor/metrics-kafka/status"),
          r -> latestOffsets(r).equals(Map.of("metrics-a:0", 50L, "metrics-a:1", 50L, "metrics-b:0", 50L)),
          Duration.ofSeconds(10)).json().get("payload");
      assertEquals("metrics-.*", payload.get("stream").asText());
      assertEquals(3, payload.get("partitions").asInt());

      // A new matching topic is discovered and read.
      cluster.createTopic("metrics-c", 1);
      cluster.produce("metrics-c", MetricsRows.rows(150, 190), null);
      MetricsRows.await(cluster.broker(), "metrics-kafka", Totals.of(0, 190), Duration.ofSeconds(60));
      assertEquals(4, Http.get(cluster.overlord() + V1 + "/supervisor/metrics-kafka/status").json().get("payload")
          .get("partitions").asInt());

      // Committed offsets survive a restart keyed topic:partition: nothing is lost or read twice.
      cluster.produce("metrics-a", MetricsRows.rows(190, 210), i -> i % 2);
      MetricsRows.await(cluster.broker(), "metrics-kafka", Totals.of(0, 210), Duration.ofSeconds(60));
      cluster.stopServer();
      cluster.startServer();
      cluster.produce("metrics-b", MetricsRows.rows(210, 230), null);
      MetricsRows.await(cluster.broker(), "metrics-kafka", Totals.of(0, 230), Duration.ofSeconds(90));
      JsonNode after = Http.await(() -> Http.get(cluster.overlord() + V1 + "/supervisor/metrics-kafka/status"),
          r -> {
            try {
              return r.json().get("payload").get("activeTasks").size() > 0;
            } catch (java.io.IOException e) {
              return false;
            }
          }, Duration.ofSeconds(30)).json().get("payload");
      for (JsonNode task : after.get("activeTasks")) {
        task.get("startingOffsets").fieldNames().forEachRemaining(k -> assertTrue(k.matches("metrics-[abc]:\\d"), k));
      }
    }
  }
}
