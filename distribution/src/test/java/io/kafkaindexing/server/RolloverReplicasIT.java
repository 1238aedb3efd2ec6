package io.kafkaindexing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaindexing.server.MetricsRows.Totals;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two partitions, {@code taskCount} 2, {@code replicas} 2 and a {@code taskDuration} of a few
 * seconds while rows are produced continuously: task groups roll over several times, both replicas
 * of a group read the same rows, and every answer of the Broker counts each row at most once while
 * production runs and exactly once at the end ({@code count} and {@code sum(latencyMs)}).
 */
class RolloverReplicasIT {
  private static final String V1 = "/druid/indexer/v1";
  private static final int BATCHES = 14;
  private static final int BATCH_ROWS = 30;

  @TempDir
  Path tmp;

  @Test
  void replicatedGroupsRollOverWhileProducingAndCountEachRowOnce() throws Exception {
    try (TestCluster cluster = new TestCluster(tmp, Map.of("druid.historical.pollPeriod", "PT0.2S"))) {
      cluster.createTopic("metrics", 2);
      String spec = cluster.seed("supervisor-spec.json")
          .replace("\"taskDuration\": \"PT1H\"", "\"taskDuration\": \"PT4S\", \"useEarliestOffset\": true,"
              + " \"startDelay\": \"PT0S\", \"period\": \"PT1S\", \"completionTimeout\": \"PT60S\"")
          .replace("\"taskCount\": 1", "\"taskCount\": 2")
          .replace("\"replicas\": 1", "\"replicas\": 2");
      assertEquals(200, Http.post(cluster.overlord() + V1 + "/supervisor", spec).status());

      // Produce batches for ~20 s; `sent` counts a batch before it is sent, so it bounds what can be visible.
      AtomicInteger sent = new AtomicInteger();
      ExecutorService producer = Executors.newSingleThreadExecutor();
      Future<?> production = producer.submit(() -> {
        for (int b = 0; b < BATCHES; b++) {
          int from = b * BATCH_ROWS;
          sent.set(from + BATCH_ROWS);
          cluster.produce("metrics", MetricsRows.rows(from, from + BATCH_ROWS), i -> i % 2);
          Thread.sleep(1400);
        }
        return null;
      });
      int queries = 0;
      while (!production.isDone()) {
        int bound = sent.get();
        Totals seen = MetricsRows.query(cluster.broker(), "metrics-kafka");
        assertTrue(seen.views() <= bound, "never more rows than produced: " + seen + " > " + bound);
        queries++;
        Thread.sleep(100);
      }
      production.get();
      producer.shutdown();
      assertTrue(producer.awaitTermination(10, TimeUnit.SECONDS));
      assertTrue(queries > 20, "queries were made while producing");

      int total = BATCHES * BATCH_ROWS;
      MetricsRows.await(cluster.broker(), "metrics-kafka", Totals.of(0, total), Duration.ofSeconds(60));

      // Several generations of both groups, each with two replicas, finished successfully.
      JsonNode complete = Http.get(cluster.overlord() + V1 + "/completeTasks?datasource=metrics-kafka").json();
      Set<String> succeeded = new HashSet<>();
      for (JsonNode t : complete) {
        if (t.get("statusCode").asText().equals("SUCCESS")) {
          succeeded.add(t.get("id").asText());
        }
      }
      assertTrue(succeeded.size() >= 2 * 2 * 3, "at least three rollovers of two groups of two replicas: "
          + succeeded.size() + " " + complete);

      // Everything published so far stays counted once after the rest is published too.
      assertEquals(200, Http.post(cluster.overlord() + V1 + "/supervisor/metrics-kafka/suspend", "").status());
      Http.await(() -> Http.get(cluster.overlord() + V1 + "/runningTasks"), r -> {
        try {
          return r.json().size() == 0;
        } catch (java.io.IOException e) {
          return false;
        }
      }, Duration.ofSeconds(60));
      MetricsRows.await(cluster.broker(), "metrics-kafka", Totals.of(0, total), Duration.ofSeconds(30));
    }
  }
}
