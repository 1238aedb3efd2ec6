package io.kafkaindexing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaindexing.server.MetricsRows.Totals;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code idleConfig}: once every record is read and nothing new arrived for
 * {@code inactiveAfterMillis}, the supervisor reports {@code IDLE}; its task finishes at
 * {@code taskDuration} and no new task starts while the topic stays quiet; the next records make it
 * start a task again, and every row is counted once.
 */
class IdleSupervisorIT {
  private static final String V1 = "/druid/indexer/v1";

  @TempDir
  Path tmp;

  @Test
  void quietTopicMakesTheSupervisorIdleAndNewRecordsWakeItUp() throws Exception {
    try (TestCluster cluster = new TestCluster(tmp, Map.of("druid.historical.pollPeriod", "PT0.2S"))) {
      cluster.createTopic("metrics", 1);
      String spec = cluster.seed("supervisor-spec.json")
          .replace("\"taskDuration\": \"PT1H\"", "\"taskDuration\": \"PT4S\", \"useEarliestOffset\": true,"
              + " \"startDelay\": \"PT0S\", \"period\": \"PT1S\","
              + " \"idleConfig\": {\"enabled\": true, \"inactiveAfterMillis\": 2000}");
      assertEquals(200, Http.post(cluster.overlord() + V1 + "/supervisor", spec).status());
      JsonNode echoed = Http.get(cluster.overlord() + V1 + "/supervisor/metrics-kafka").json();
      assertEquals(Http.JSON.readTree("{\"enabled\":true,\"inactiveAfterMillis\":2000}"),
          echoed.get("spec").get("ioConfig").get("idleConfig"));

      cluster.produce("metrics", MetricsRows.rows(0, 50), null);
      MetricsRows.await(cluster.broker(), "metrics-kafka", Totals.of(0, 50), Duration.ofSeconds(60));

      Http.await(() -> Http.get(cluster.overlord() + V1 + "/supervisor/metrics-kafka/status"),
          r -> payload(r).get("state").asText().equals("IDLE")
              && payload(r).get("detailedState").asText().equals("IDLE")
              && payload(r).get("activeTasks").size() == 0 && payload(r).get("publishingTasks").size() == 0,
          Duration.ofSeconds(40));
      assertEquals("IDLE", Http.get(cluster.overlord() + V1 + "/supervisor?state=true").json().get(0)
          .get("state").asText());
      // Quiet topic: several periods pass without a task.
      long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
      while (System.nanoTime() < until) {
        assertEquals(0, Http.get(cluster.overlord() + V1 + "/runningTasks").json().size(), "no task while idle");
        Thread.sleep(200);
      }
      MetricsRows.await(cluster.broker(), "metrics-kafka", Totals.of(0, 50), Duration.ofSeconds(5));

      cluster.produce("metrics", MetricsRows.rows(50, 80), null);
      MetricsRows.await(cluster.broker(), "metrics-kafka", Totals.of(0, 80), Duration.ofSeconds(60));
    }
  }

  private static JsonNode payload(Http.Response r) {
    try {
      return r.json().get("payload");
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
