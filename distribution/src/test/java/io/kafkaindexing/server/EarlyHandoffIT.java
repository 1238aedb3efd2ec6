package io.kafkaindexing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaindexing.server.MetricsRows.Totals;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /druid/indexer/v1/supervisor/{id}/taskGroups/handoff}: the named task groups stop
 * reading long before their {@code taskDuration} (and before the supervisor's next periodic run),
 * publish and hand off, and new groups continue from their end offsets; every Broker answer on the
 * way counts each row once.
 */
class EarlyHandoffIT {
  private static final String V1 = "/druid/indexer/v1";

  @TempDir
  Path tmp;

  @Test
  void requestedGroupsHandOffAtOnceAndSuccessorsContinue() throws Exception {
    try (TestCluster cluster = new TestCluster(tmp, Map.of("druid.historical.pollPeriod", "PT0.2S"))) {
      cluster.createTopic("metrics", 2);
      String spec = cluster.seed("supervisor-spec.json")
          .replace("\"taskDuration\": \"PT1H\"", "\"taskDuration\": \"PT1H\", \"useEarliestOffset\": true,"
              + " \"startDelay\": \"PT0S\", \"period\": \"PT60S\"")
          .replace("\"taskCount\": 1", "\"taskCount\": 2");
      assertEquals(200, Http.post(cluster.overlord() + V1 + "/supervisor", spec).status());
      cluster.produce("metrics", MetricsRows.rows(0, 100), i -> i % 2);
      MetricsRows.await(cluster.broker(), "metrics-kafka", Totals.of(0, 100), Duration.ofSeconds(60));
      Map<String, JsonNode> before = activeTasks(cluster);
      assertEquals(2, before.size(), before.toString());

      long asked = System.nanoTime();
      Http.Response handoff = Http.post(cluster.overlord() + V1 + "/supervisor/metrics-kafka/taskGroups/handoff",
          "{\"taskGroupIds\":[0,1]}");
      assertEquals(200, handoff.status(), handoff.body());
      assertEquals("", handoff.body());

      // Both tasks publish and succeed well within the 60 s period; queries never double count.
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!allSucceeded(cluster, before.keySet())) {
        assertTrue(System.nanoTime() < deadline, "the requested groups did not hand off in time");
        assertTrue(MetricsRows.matches(MetricsRows.query(cluster.broker(), "metrics-kafka"), Totals.of(0, 100)),
            "each row once during the handoff");
        Thread.sleep(100);
      }
      assertTrue(System.nanoTime() - asked < Duration.ofSeconds(30).toNanos());

      // New groups start at the end offsets of the old ones (50 rows per partition).
      Map<String, JsonNode> after = activeTasks(Http.await(() -> Http.get(cluster.overlord() + V1
          + "/supervisor/metrics-kafka/status"), r -> activeTasks(r).size() == 2, Duration.ofSeconds(30)));
      assertEquals(2, after.size());
      for (Map.Entry<String, JsonNode> e : after.entrySet()) {
        assertTrue(!before.containsKey(e.getKey()), "a new task: " + e.getKey());
        JsonNode start = e.getValue().get("startingOffsets");
        assertEquals(1, start.size(), start.toString());
        assertEquals(50, start.elements().next().asLong(), start.toString());
      }
      assertNotEquals(before.keySet(), after.keySet());

      cluster.produce("metrics", MetricsRows.rows(100, 160), i -> i % 2);
      MetricsRows.await(cluster.broker(), "metrics-kafka", Totals.of(0, 160), Duration.ofSeconds(60));
    }
  }

  private static boolean allSucceeded(TestCluster cluster, Iterable<String> ids) throws Exception {
    for (String id : ids) {
      String code = Http.get(cluster.overlord() + V1 + "/task/" + id + "/status").json().get("status")
          .get("statusCode").asText();
      if (!code.equals("SUCCESS")) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, JsonNode> activeTasks(TestCluster cluster) throws Exception {
    return activeTasks(Http.get(cluster.overlord() + V1 + "/supervisor/metrics-kafka/status"));
  }

  private static Map<String, JsonNode> activeTasks(Http.Response status) {
    Map<String, JsonNode> tasks = new HashMap<>();
    try {
      for (JsonNode t : status.json().get("payload").get("activeTasks")) {
        tasks.put(t.get("id").asText(), t);
      }
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    return tasks;
  }
}
