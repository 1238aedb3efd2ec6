package io.kafkaindexing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaindexing.server.MetricsRows.Totals;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Handoff before {@code taskDuration} when a task asks for it (Druid's checkpoints): a segment
 * reaching {@code maxRowsPerSegment}, or {@code intermediateHandoffPeriod} passing, makes the task
 * group publish what it read and a new group continue from its end offsets. With an hour-long
 * {@code taskDuration}, several tasks succeed while rows are produced, and every Broker answer
 * counts each row at most once, exactly once at the end.
 */
class CheckpointIT {
  private static final String V1 = "/druid/indexer/v1";

  @TempDir
  Path tmp;

  @Test
  void maxRowsPerSegmentAndIntermediateHandoffPeriodHandOffWithoutDuplicates() throws Exception {
    try (TestCluster cluster = new TestCluster(tmp, Map.of("druid.historical.pollPeriod", "PT0.2S"))) {
      cluster.createTopic("metrics", 1);
      cluster.createTopic("other", 1);
      String common = "\"taskDuration\": \"PT1H\", \"useEarliestOffset\": true, \"startDelay\": \"PT0S\","
          + " \"period\": \"PT1S\"";
      String byRows = cluster.seed("supervisor-spec.json").replace("\"taskDuration\": \"PT1H\"", common)
          .replace("\"maxRowsInMemory\": \"100000\"", "\"maxRowsInMemory\": \"100000\", \"maxRowsPerSegment\": 20");
      String byTime = cluster.seed("supervisor-spec.json").replace("\"taskDuration\": \"PT1H\"", common)
          .replace("\"dataSource\": \"metrics-kafka\"", "\"dataSource\": \"other-kafka\"")
          .replace("\"topic\": \"metrics\"", "\"topic\": \"other\"")
          .replace("\"maxRowsInMemory\": \"100000\"", "\"maxRowsInMemory\": \"100000\","
              + " \"intermediateHandoffPeriod\": \"PT3S\"");
      assertEquals(200, Http.post(cluster.overlord() + V1 + "/supervisor", byRows).status());
      assertEquals(200, Http.post(cluster.overlord() + V1 + "/supervisor", byTime).status());

      // 10 batches of 20 rows over 4 hourly segments: a segment passes 20 rows every few batches.
      int produced = 0;
      for (int b = 0; b < 10; b++) {
        produced += 20;
        cluster.produce("metrics", MetricsRows.rows(produced - 20, produced), null);
        cluster.produce("other", MetricsRows.rows(produced - 20, produced), null);
        Totals seen = MetricsRows.query(cluster.broker(), "metrics-kafka");
        assertTrue(seen.views() <= produced, "never more rows than produced: " + seen);
        Thread.sleep(700);
      }
      MetricsRows.await(cluster.broker(), "metrics-kafka", Totals.of(0, 200), Duration.ofSeconds(60));
      MetricsRows.await(cluster.broker(), "other-kafka", Totals.of(0, 200), Duration.ofSeconds(60));
      assertTrue(succeeded(cluster, "metrics-kafka") >= 2,
          "maxRowsPerSegment made groups hand off: " + succeeded(cluster, "metrics-kafka"));
      Http.await(() -> Http.get(cluster.overlord() + V1 + "/completeTasks?datasource=other-kafka"),
          r -> count(r) >= 2, Duration.ofSeconds(30));

      // Ingestion goes on after the checkpoints.
      cluster.produce("metrics", MetricsRows.rows(200, 230), null);
      MetricsRows.await(cluster.broker(), "metrics-kafka", Totals.of(0, 230), Duration.ofSeconds(60));
    }
  }

  private static int succeeded(TestCluster cluster, String dataSource) throws Exception {
    return count(Http.get(cluster.overlord() + V1 + "/completeTasks?datasource=" + dataSource));
  }

  private static int count(Http.Response complete) {
    int n = 0;
    try {
      for (JsonNode t : complete.json()) {
        n += t.get("statusCode").asText().equals("SUCCESS") ? 1 : 0;
      }
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    return n;
  }
}
