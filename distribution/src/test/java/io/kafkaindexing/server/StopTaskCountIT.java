package io.kafkaindexing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaindexing.server.MetricsRows.Totals;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stopTaskCount} 1 with three task groups that reach their {@code taskDuration} together:
 * they roll over one at a time (the status report never lists more than one publishing task), all
 * of them roll over repeatedly, and every row is counted once.
 */
class StopTaskCountIT {
  private static final String V1 = "/druid/indexer/v1";

  @TempDir
  Path tmp;

  @Test
  void groupsRollOverOneAtATime() throws Exception {
    try (TestCluster cluster = new TestCluster(tmp, Map.of("druid.historical.pollPeriod", "PT0.2S"))) {
      cluster.createTopic("metrics", 3);
      String spec = cluster.seed("supervisor-spec.json")
          .replace("\"taskDuration\": \"PT1H\"", "\"taskDuration\": \"PT3S\", \"useEarliestOffset\": true,"
              + " \"startDelay\": \"PT0S\", \"period\": \"PT1S\", \"stopTaskCount\": 1")
          .replace("\"taskCount\": 1", "\"taskCount\": 3");
      assertEquals(200, Http.post(cluster.overlord() + V1 + "/supervisor", spec).status());
      assertEquals(1, Http.get(cluster.overlord() + V1 + "/supervisor/metrics-kafka").json().get("spec")
          .get("ioConfig").get("stopTaskCount").asInt());

      ExecutorService producer = Executors.newSingleThreadExecutor();
      Future<?> production = producer.submit(() -> {
        for (int b = 0; b < 12; b++) {
          cluster.produce("metrics", MetricsRows.rows(b * 30, b * 30 + 30), i -> i % 3);
          Thread.sleep(1000);
        }
        return null;
      });
      int maxPublishing = 0;
      int samples = 0;
      while (!production.isDone()) {
        JsonNode payload = Http.get(cluster.overlord() + V1 + "/supervisor/metrics-kafka/status").json()
            .get("payload");
        maxPublishing = Math.max(maxPublishing, payload.get("publishingTasks").size());
        samples++;
        Thread.sleep(30);
      }
      production.get();
      producer.shutdown();
      assertTrue(samples > 50, "status sampled while rolling over: " + samples);
      assertEquals(1, maxPublishing, "one group publishes at a time (stopTaskCount 1)");
      MetricsRows.await(cluster.broker(), "metrics-kafka", Totals.of(0, 360), Duration.ofSeconds(60));
      int succeeded = 0;
      for (JsonNode t : Http.get(cluster.overlord() + V1 + "/completeTasks?datasource=metrics-kafka").json()) {
        succeeded += t.get("statusCode").asText().equals("SUCCESS") ? 1 : 0;
      }
      assertTrue(succeeded >= 6, "every group rolled over, one at a time: " + succeeded);
    }
  }
}
