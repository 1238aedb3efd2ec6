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
 * Rollover, publishing and handoff end to end: a short {@code taskDuration} makes the task group
 * finish, publish its segment and offsets, and hand the segment to the Historical while the next
 * group reads on. Queries made all along see every row exactly once; after a restart the published
 * rows come from the Historical and only unpublished rows are read again.
 */
class HandoffIT {
  private static final String TIMESERIES = "{\"queryType\":\"timeseries\",\"dataSource\":\"metrics-kafka\","
      + "\"granularity\":\"all\",\"intervals\":[\"2018-03-06/2018-03-08\"],\"aggregations\":["
      + "{\"type\":\"longSum\",\"name\":\"views\",\"fieldName\":\"views\"},"
      + "{\"type\":\"doubleSum\",\"name\":\"latencyMs\",\"fieldName\":\"latencyMs\"}]}";

  @TempDir
  Path tmp;

  @Test
  void rowsAreCountedOnceBeforeDuringAndAfterHandoffAndRestart() throws Exception {
    try (TestCluster cluster = new TestCluster(tmp, Map.of("druid.historical.pollPeriod", "PT0.2S"))) {
      cluster.createTopic("metrics", 2);
      String spec = cluster.seed("supervisor-spec.json")
          .replace("\"taskDuration\": \"PT1H\"", "\"taskDuration\": \"PT8S\", \"useEarliestOffset\": true,"
              + " \"startDelay\": \"PT0S\", \"period\": \"PT1S\"")
          .replace("\"taskCount\": 1", "\"taskCount\": 2");
      assertEquals(200, Http.post(cluster.overlord() + "/druid/indexer/v1/supervisor", spec).status());

      List<String> rows = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        rows.add(row(i));
      }
      cluster.produce("metrics", rows, i -> i % 2);
      long views = rows.size();
      double latency = expectedLatency(0, rows.size());

      // Before handoff, then through the rollover and handoff: never more, never fewer rows than produced.
      awaitTotals(cluster, views, latency, Duration.ofSeconds(60));
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      int published = 0;
      while (System.nanoTime() < deadline) {
        JsonNode totals = totals(cluster);
        assertEquals(views, totals.get("views").asLong(), "exactly once during handoff: " + totals);
        assertEquals(latency, totals.get("latencyMs").asDouble(), 1e-6);
        published = publishedSegmentFiles(tmp.resolve("segment-cache")).size();
        if (published > 0 && publishingTasks(cluster) == 0) {
          break;
        }
        Thread.sleep(50);
      }
      assertTrue(published > 0, "a segment was handed off to the Historical");
      assertEquals(views, totals(cluster).get("views").asLong());

      // The next task group reads on from where the first one ended.
      List<String> more = new ArrayList<>();
      for (int i = 200; i < 260; i++) {
        more.add(row(i));
      }
      cluster.produce("metrics", more, i -> i % 2);
      awaitTotals(cluster, views + more.size(), expectedLatency(0, 260), Duration.ofSeconds(60));

      // The operator tool reads a handed-off segment.
      ScriptRunner.Result dump = ScriptRunner.run(tmp, null, "dump-segment", "--directory",
          publishedSegmentFiles(tmp.resolve("segment-cache")).get(0).getParent().toString(), "--dump", "rows",
          "--time-iso8601");
      assertEquals(0, dump.exitCode(), dump.toString());
      assertTrue(dump.stdout().contains("\"views\""), dump.stdout());

      // After a restart: published rows from the Historical, the rest read again; each counted once.
      cluster.stopServer();
      cluster.startServer();
      awaitTotals(cluster, views + more.size(), expectedLatency(0, 260), Duration.ofSeconds(90));
    }
  }

  /** Row i: hour 09..10 of 2018-03-06 and 07, users alternating, latency i. */
  private static String row(int i) {
    String day = i % 3 == 0 ? "2018-03-07" : "2018-03-06";
    return String.format(java.util.Locale.ROOT,
        "{\"time\":\"%sT%02d:%02d:%02dZ\",\"url\":\"/p/%d\",\"user\":\"u%d\",\"latencyMs\":%d}",
        day, 9 + (i % 2), (i / 60) % 60, i % 60, i % 7, i % 5, i);
  }

  private static double expectedLatency(int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += i;
    }
    return sum;
  }

  private static JsonNode totals(TestCluster cluster) throws Exception {
    Http.Response r = Http.post(cluster.broker() + "/druid/v2", TIMESERIES);
    assertEquals(200, r.status(), r.body());
    JsonNode json = r.json();
    return json.size() == 0 ? Http.JSON.readTree("{\"views\":0,\"latencyMs\":0}") : json.get(0).get("result");
  }

  private static void awaitTotals(TestCluster cluster, long views, double latency, Duration timeout) throws Exception {
    Http.await(() -> Http.post(cluster.broker() + "/druid/v2", TIMESERIES), r -> {
      try {
        JsonNode json = r.json();
        return r.status() == 200 && json.size() == 1 && json.get(0).get("result").get("views").asLong() == views
            && Math.abs(json.get(0).get("result").get("latencyMs").asDouble() - latency) < 1e-6;
      } catch (java.io.IOException e) {
        return false;
      }
    }, timeout);
  }

  private static int publishingTasks(TestCluster cluster) throws Exception {
    return Http.get(cluster.overlord() + "/druid/indexer/v1/supervisor/metrics-kafka/status").json()
        .get("payload").get("publishingTasks").size();
  }

  private static List<Path> publishedSegmentFiles(Path cache) throws Exception {
    if (!Files.isDirectory(cache)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(cache)) {
      return files.filter(p -> p.getFileName().toString().equals("version.bin")).toList();
    }
  }
}
