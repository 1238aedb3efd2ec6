package io.kafkaindexing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task that persists every row ({@code maxRowsInMemory} 1) keeps answering exactly as one that
 * keeps them in memory: persisted parts are memory-mapped Druid segments queried with the rows
 * still in memory, each row once.
 */
class PersistedRowsIT {
  @TempDir
  Path tmp;

  @Test
  void persistedPartsAnswerLikeTheInMemoryIndex() throws Exception {
    try (TestCluster cluster = new TestCluster(tmp, Map.of())) {
      cluster.createTopic("metrics", 1);
      String spec = cluster.seed("supervisor-spec.json")
          .replace("\"maxRowsInMemory\": \"100000\"", "\"maxRowsInMemory\": \"1\"")
          .replace("\"taskDuration\": \"PT1H\"", "\"taskDuration\": \"PT1H\", \"useEarliestOffset\": true,"
              + " \"startDelay\": \"PT0S\"");
      assertEquals(200, Http.post(cluster.overlord() + "/druid/indexer/v1/supervisor", spec).status());
      cluster.produce("metrics", Files.readAllLines(TestCluster.SEED.resolve("rows.json"), StandardCharsets.UTF_8),
          null);

      String query = Files.readString(TestCluster.SEED.resolve("search-query.json"), StandardCharsets.UTF_8);
      JsonNode expected = Http.JSON.readTree(TestCluster.SEED.resolve("search-result.json").toFile());
      Http.await(() -> Http.post(cluster.broker() + "/druid/v2", query),
          r -> r.status() == 200 && expected.equals(json(r)), Duration.ofSeconds(60));

      String timeseries = "{\"queryType\":\"timeseries\",\"dataSource\":\"metrics-kafka\",\"granularity\":\"all\","
          + "\"intervals\":[\"2018-03-06/2018-03-07\"],\"aggregations\":[{\"type\":\"longSum\",\"name\":\"views\","
          + "\"fieldName\":\"views\"},{\"type\":\"doubleSum\",\"name\":\"latencyMs\",\"fieldName\":\"latencyMs\"}]}";
      JsonNode totals = Http.post(cluster.broker() + "/druid/v2", timeseries).json().get(0).get("result");
      assertEquals(3, totals.get("views").asLong(), totals.toString());
      assertEquals(88.0, totals.get("latencyMs").asDouble(), totals.toString());

      List<Path> parts;
      try (Stream<Path> files = Files.walk(tmp.resolve("task"))) {
        parts = files.filter(p -> p.getFileName().toString().equals("version.bin")).toList();
      }
      assertTrue(parts.size() >= 2, "rows were persisted as parts: " + parts);
    }
  }

  private static JsonNode json(Http.Response r) {
    try {
      return r.json();
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
