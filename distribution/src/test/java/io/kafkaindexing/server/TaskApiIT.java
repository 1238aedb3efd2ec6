package io.kafkaindexing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Druid's task API over HTTP with real tasks: the running task listed in Druid's TaskStatusPlus
 * shape, its payload and status, suspend making it publish and complete, completed tasks still
 * listed after a restart (druid_tasks), shutdown endpoints and 404s.
 */
class TaskApiIT {
  private static final String V1 = "/druid/indexer/v1";

  @TempDir
  Path tmp;

  @Test
  void tasksAreListedShownStoppedAndRemembered() throws Exception {
    try (TestCluster cluster = new TestCluster(tmp, Map.of("druid.historical.pollPeriod", "PT0.2S"))) {
      cluster.createTopic("metrics", 1);
      String spec = cluster.seed("supervisor-spec.json").replace("\"taskDuration\": \"PT1H\"",
          "\"taskDuration\": \"PT1H\", \"useEarliestOffset\": true, \"startDelay\": \"PT0S\", \"period\": \"PT1S\"");
      assertEquals(200, Http.post(cluster.overlord() + V1 + "/supervisor", spec).status());
      cluster.produce("metrics", Files.readAllLines(TestCluster.SEED.resolve("rows.json"), StandardCharsets.UTF_8),
          null);

      JsonNode running = Http.await(() -> Http.get(cluster.overlord() + V1 + "/runningTasks"),
          r -> json(r).size() == 1, Duration.ofSeconds(60)).json();
      JsonNode task = running.get(0);
      String id = task.get("id").asText();
      assertTrue(id.startsWith("index_kafka_metrics-kafka_"), id);
      assertEquals(List.of("id", "groupId", "type", "createdTime", "queueInsertionTime", "statusCode", "status",
          "runnerStatusCode", "duration", "location", "dataSource", "errorMsg"), keys(task));
      assertEquals("RUNNING", task.get("statusCode").asText());
      assertEquals("index_kafka", task.get("type").asText());
      assertEquals("metrics-kafka", task.get("dataSource").asText());
      assertEquals(running, Http.get(cluster.overlord() + V1 + "/tasks?state=running&datasource=metrics-kafka").json());
      assertEquals(0, Http.get(cluster.overlord() + V1 + "/tasks?datasource=other").json().size());

      JsonNode payload = Http.get(cluster.overlord() + V1 + "/task/" + id).json();
      assertEquals(id, payload.get("task").asText());
      assertEquals("index_kafka", payload.get("payload").get("type").asText());
      assertEquals("RUNNING", Http.get(cluster.overlord() + V1 + "/task/" + id + "/status").json()
          .get("status").get("statusCode").asText());
      JsonNode brief = Http.post(cluster.overlord() + V1 + "/taskStatus", "[\"" + id + "\",\"nope\"]").json();
      assertEquals("RUNNING", brief.get(id).get("status").asText());
      assertTrue(!brief.has("nope"));

      // Rows are queryable; suspending makes the task publish them and complete.
      String query = Files.readString(TestCluster.SEED.resolve("search-query.json"), StandardCharsets.UTF_8);
      JsonNode expected = Http.JSON.readTree(TestCluster.SEED.resolve("search-result.json").toFile());
      Http.await(() -> Http.post(cluster.broker() + "/druid/v2", query), r -> expected.equals(json(r)),
          Duration.ofSeconds(60));
      assertEquals(200, Http.post(cluster.overlord() + V1 + "/supervisor/metrics-kafka/suspend", "").status());
      Http.await(() -> Http.get(cluster.overlord() + V1 + "/task/" + id + "/status"),
          r -> json(r).get("status").get("statusCode").asText().equals("SUCCESS"), Duration.ofSeconds(90));
      assertEquals(expected, Http.post(cluster.broker() + "/druid/v2", query).json(), "served by the Historical");
      assertTrue(ids(Http.get(cluster.overlord() + V1 + "/completeTasks").json()).contains(id));

      cluster.stopServer();
      cluster.startServer();
      assertTrue(ids(Http.get(cluster.overlord() + V1 + "/completeTasks").json()).contains(id),
          "finished tasks are remembered across restarts");
      assertEquals("SUCCESS", Http.get(cluster.overlord() + V1 + "/task/" + id + "/status").json()
          .get("status").get("statusCode").asText());
      assertEquals(expected, Http.post(cluster.broker() + "/druid/v2", query).json());

      // Resume: a new task starts after the published offsets; shut it down through the task API.
      assertEquals(200, Http.post(cluster.overlord() + V1 + "/supervisor/metrics-kafka/resume", "").status());
      JsonNode next = Http.await(() -> Http.get(cluster.overlord() + V1 + "/runningTasks"),
          r -> json(r).size() == 1, Duration.ofSeconds(60)).json().get(0);
      assertEquals(3, Http.get(cluster.overlord() + V1 + "/task/" + next.get("id").asText()).json()
          .get("payload").get("ioConfig").get("startSequenceNumbers").get("partitionOffsetMap").get("0").asLong());
      assertEquals("{\"dataSource\":\"metrics-kafka\"}",
          Http.post(cluster.overlord() + V1 + "/datasources/metrics-kafka/shutdownAllTasks", "").body());
      Http.await(() -> Http.get(cluster.overlord() + V1 + "/task/" + next.get("id").asText() + "/status"),
          r -> json(r).get("status").get("statusCode").asText().equals("FAILED"), Duration.ofSeconds(60));

      String log = Http.get(cluster.overlord() + V1 + "/task/" + id + "/log").body();
      assertTrue(log.contains("Task[" + id + "] reading topic[metrics]"), log);
      assertTrue(log.contains("published"), log);
      assertTrue(!log.contains("supervisor.kafka.KafkaSupervisor"), "only the task's own lines: " + log);
      String tail = Http.get(cluster.overlord() + V1 + "/task/" + id + "/log?offset=-20").body();
      assertEquals(20, tail.getBytes(StandardCharsets.UTF_8).length);
      assertEquals(404, Http.get(cluster.overlord() + V1 + "/task/nope/log").status());
      assertEquals(404, Http.get(cluster.overlord() + V1 + "/task/nope").status());
      assertEquals(404, Http.get(cluster.overlord() + V1 + "/task/nope/status").status());
      assertEquals(404, Http.post(cluster.overlord() + V1 + "/task/nope/shutdown", "").status());
      assertEquals(400, Http.get(cluster.overlord() + V1 + "/tasks?state=sleeping").status());
      assertEquals(expected, Http.post(cluster.broker() + "/druid/v2", query).json(), "published rows stay");
    }
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static List<String> ids(JsonNode tasks) {
    List<String> ids = new ArrayList<>();
    tasks.forEach(t -> ids.add(t.get("id").asText()));
    return ids;
  }

  private static JsonNode json(Http.Response r) {
    try {
      return r.json();
    } catch (java.io.IOException e) {
      return Http.JSON.createArrayNode();
    }
  }
}
