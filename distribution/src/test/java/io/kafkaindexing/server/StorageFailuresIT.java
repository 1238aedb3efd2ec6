package io.kafkaindexing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storage failures fail a task cleanly and lose nothing. A push to deep storage that fails (the data
 * source's folder cannot be created) publishes nothing and commits no offsets; once deep storage
 * works again the supervisor's next task reads the same rows from the committed offsets, publishes
 * them once and hands them off. A persist that fails (the task's persist folder cannot be written,
 * as on a full disk) fails the task the same way, and the next task reads the rows again. Queries
 * never count a row twice.
 */
class StorageFailuresIT {
  private static final String TIMESERIES = "{\"queryType\":\"timeseries\",\"dataSource\":\"metrics-kafka\","
      + "\"granularity\":\"all\",\"intervals\":[\"2018-03-06/2018-03-08\"],\"aggregations\":["
      + "{\"type\":\"longSum\",\"name\":\"views\",\"fieldName\":\"views\"},"
      + "{\"type\":\"doubleSum\",\"name\":\"latencyMs\",\"fieldName\":\"latencyMs\"}]}";
  private static final int ROWS = 120;

  @TempDir
  Path tmp;

  @Test
  void aFailedPushPublishesNothingAndTheNextTaskReadsTheRowsAgain() throws Exception {
    try (TestCluster cluster = new TestCluster(tmp, Map.of("druid.historical.pollPeriod", "PT0.2S"))) {
      cluster.createTopic("metrics", 1);
      Path blocker = tmp.resolve("segments").resolve("metrics-kafka");
      Files.createDirectories(blocker.getParent());
      Files.writeString(blocker, "a file where the data source's folder should be");

      String spec = cluster.seed("supervisor-spec.json")
          .replace("\"taskDuration\": \"PT1H\"", "\"taskDuration\": \"PT6S\", \"useEarliestOffset\": true,"
              + " \"startDelay\": \"PT0S\", \"period\": \"PT1S\"");
      assertEquals(200, Http.post(cluster.overlord() + "/druid/indexer/v1/supervisor", spec).status());
      List<String> rows = new ArrayList<>();
      double latency = 0;
      for (int i = 0; i < ROWS; i++) {
        rows.add(String.format(java.util.Locale.ROOT,
            "{\"time\":\"2018-03-06T09:%02d:%02dZ\",\"url\":\"/p/%d\",\"user\":\"u%d\",\"latencyMs\":%d}",
            i / 60, i % 60, i % 7, i % 5, i));
        latency += i;
      }
      cluster.produce("metrics", rows, i -> 0);

      // The first task reaches its duration, fails to push, and fails; rows are never counted twice.
      JsonNode failed = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (failed == null && System.nanoTime() < deadline) {
        long views = views(cluster);
        assertTrue(views <= ROWS, "never more rows than produced: " + views);
        for (JsonNode task : Http.get(cluster.overlord() + "/druid/indexer/v1/tasks?state=complete").json()) {
          if ("FAILED".equals(task.path("statusCode").asText())) {
            failed = task;
          }
        }
        Thread.sleep(100);
      }
      assertTrue(failed != null, "a task failed on the broken deep storage");
      JsonNode status = Http.get(cluster.overlord() + "/druid/indexer/v1/task/" + failed.get("id").asText()
          + "/status").json().get("status");
      assertTrue(status.get("errorMsg").asText().contains("metrics-kafka"),
          "the error names what could not be written: " + status);
      assertEquals(List.of(), files(tmp.resolve("segment-cache"), "version.bin"), "nothing was handed off");
      assertEquals(List.of(), files(tmp.resolve("segments"), "index.zip"), "nothing was pushed");

      // Deep storage works again: the next task reads the rows from offset 0 and publishes them once.
      Files.delete(blocker);
      deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (System.nanoTime() < deadline && files(tmp.resolve("segment-cache"), "version.bin").isEmpty()) {
        assertTrue(views(cluster) <= ROWS);
        Thread.sleep(100);
      }
      assertTrue(!files(tmp.resolve("segment-cache"), "version.bin").isEmpty(), "a segment was handed off");
      Http.await(() -> Http.post(cluster.broker() + "/druid/v2", TIMESERIES),
          r -> IngestionTestKit.json(r).size() == 1
              && IngestionTestKit.json(r).get(0).get("result").get("views").asLong() == ROWS,
          Duration.ofSeconds(60));
      JsonNode result = Http.post(cluster.broker() + "/druid/v2", TIMESERIES).json().get(0).get("result");
      assertEquals(latency, result.get("latencyMs").asDouble(), 1e-6);
      // Once the handed-off copy serves, it alone holds the rows: restart and count again.
      cluster.stopServer();
      cluster.startServer();
      Http.await(() -> Http.post(cluster.broker() + "/druid/v2", TIMESERIES),
          r -> IngestionTestKit.json(r).size() == 1
              && IngestionTestKit.json(r).get(0).get("result").get("views").asLong() == ROWS,
          Duration.ofSeconds(60));
    }
  }

  @Test
  void aFailedPersistFailsTheTaskAndTheNextTaskReadsTheRowsAgain() throws Exception {
    try (TestCluster cluster = new TestCluster(tmp, Map.of())) {
      cluster.createTopic("metrics", 1);
      String spec = cluster.seed("supervisor-spec.json")
          .replace("\"taskDuration\": \"PT1H\"", "\"useEarliestOffset\": true, \"startDelay\": \"PT0S\","
              + " \"period\": \"PT1S\"")
          .replace("\"maxRowsInMemory\": \"100000\"", "\"maxRowsInMemory\": 25");
      assertTrue(spec.contains("\"maxRowsInMemory\": 25"), spec);
      assertEquals(200, Http.post(cluster.overlord() + "/druid/indexer/v1/supervisor", spec).status());
      String first = Http.await(() -> Http.get(cluster.overlord() + "/druid/indexer/v1/supervisor/metrics-kafka/status"),
          r -> IngestionTestKit.json(r).path("payload").path("activeTasks").size() == 1, Duration.ofSeconds(60))
          .json().get("payload").get("activeTasks").get(0).get("id").asText();
      Path persist = tmp.resolve("task").resolve(first).resolve("persist");
      if (Files.isDirectory(persist)) {
        try (Stream<Path> paths = Files.walk(persist)) {
          paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      Files.createDirectories(persist.getParent());
      Files.writeString(persist, "a file where the persist folder should be");

      List<String> rows = new ArrayList<>();
      double latency = 0;
      for (int i = 0; i < ROWS; i++) {
        rows.add(String.format(java.util.Locale.ROOT,
            "{\"time\":\"2018-03-06T10:%02d:%02dZ\",\"url\":\"/p/%d\",\"user\":\"u%d\",\"latencyMs\":%d}",
            i / 60, i % 60, i % 7, i % 3, i));
        latency += i;
      }
      cluster.produce("metrics", rows, i -> 0);

      JsonNode status = Http.await(() -> Http.get(cluster.overlord() + "/druid/indexer/v1/task/" + first + "/status"),
          r -> "FAILED".equals(IngestionTestKit.json(r).path("status").path("status").asText()), Duration.ofSeconds(60))
          .json().get("status");
      assertTrue(status.get("errorMsg").asText().contains("persist"), "the error says what failed: " + status);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      double seenLatency = -1;
      while (System.nanoTime() < deadline) {
        JsonNode json = Http.post(cluster.broker() + "/druid/v2", TIMESERIES).json();
        long views = json.size() == 0 ? 0 : json.get(0).get("result").get("views").asLong();
        assertTrue(views <= ROWS, "never more rows than produced: " + views);
        if (views == ROWS) {
          seenLatency = json.get(0).get("result").get("latencyMs").asDouble();
          break;
        }
        Thread.sleep(100);
      }
      assertEquals(latency, seenLatency, 1e-6, "the next task read every row again");
    }
  }

  private static long views(TestCluster cluster) throws Exception {
    JsonNode json = Http.post(cluster.broker() + "/druid/v2", TIMESERIES).json();
    return json.size() == 0 ? 0 : json.get(0).get("result").get("views").asLong();
  }

  private static List<Path> files(Path root, String name) throws Exception {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.getFileName().toString().equals(name)).toList();
    }
  }
}
