package io.kafkaindexing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code bin/bench} runs end to end on a small dataset: every phase reports its figures,
 * the answers it checked against its generator were right (it exits with 1 otherwise), and the work
 * directory is removed. Timings are only checked to be present, never compared.
 */
class BenchScriptIT {
  @TempDir
  Path tmp;

  @Test
  void smallRunReportsEveryFigure() throws Exception {
    Path out = tmp.resolve("result.json");
    Path work = tmp.resolve("work");
    ScriptRunner.Result r = ScriptRunner.run(tmp, null, "bench", "--rows", "20000", "--task-count", "2",
        "--start-delay", "PT0S", "--warmups", "1", "--runs", "2", "--latency-rate", "500", "--latency-seconds", "2",
        "--work-dir", work.toString(), "--out", out.toString());
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.stdout().contains("| POST to all rows queryable (ms) |"), r.stdout());

    JsonNode figures = Http.JSON.readTree(Files.readString(out));
    JsonNode ingestion = figures.get("ingestion");
    assertEquals(20_000, ingestion.get("rows").asLong());
    assertEquals("ok: views 20000, latencyMs " + figures.get("produce").get("latency_ms_sum").asLong(),
        ingestion.get("count_and_latency_sum_check").asText());
    assertTrue(ingestion.get("wall_ms_post_to_all_queryable").asDouble() > 0);
    for (String phase : List.of("queries_realtime", "queries_historical")) {
      for (String query : List.of("search", "timeseries-hour", "topN-user-views", "groupBy-url-limit100")) {
        assertEquals(2, figures.get(phase).get(query).get("n").asInt(), phase + " " + query);
      }
    }
    // Two tasks, each publishing one segment per hour it read.
    assertEquals(48, figures.get("handoff").get("segments").asInt());
    assertTrue(figures.get("handoff").get("bytes_per_row").asDouble() > 0);
    assertEquals(1000, figures.get("produce_to_queryable").get("latency_ms").get("n").asInt());
    assertTrue(figures.get("memory").get("peak_rss_after_post_bytes").asLong() > 0);
    assertTrue(Files.notExists(work), "the work directory is removed");
  }
}
