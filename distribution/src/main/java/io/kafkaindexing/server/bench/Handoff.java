package io.kafkaindexing.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Hands a data source's real-time segments off as a user would: suspends its supervisor (the running
 * tasks publish what they read and stop once the Historical serves their segments) and waits until
 * every task of the data source finished with SUCCESS (a task finishes only once the Historical
 * serves its segments); then measures deep storage.
 */
public final class Handoff {
  private final BenchHttp http;
  private final String overlordUrl;

  public Handoff(BenchHttp http, String overlordUrl) {
    this.http = http;
    this.overlordUrl = overlordUrl + "/druid/indexer/v1";
  }

  /** Suspends {@code supervisorId} and waits for the handoff; returns how long it took. */
  public Map<String, Object> run(String supervisorId, long timeoutMs) throws Exception {
    long start = System.nanoTime();
    http.postOk(overlordUrl + "/supervisor/" + supervisorId + "/suspend", "");
    while (!handedOff(supervisorId)) {
      if (System.nanoTime() - start > timeoutMs * 1_000_000L) {
        throw new IllegalStateException("Supervisor[" + supervisorId + "] did not hand off within " + timeoutMs
            + " ms; status: " + http.get(overlordUrl + "/supervisor/" + supervisorId + "/status").body());
      }
      Thread.sleep(100);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("suspend_to_handed_off_ms", Percentiles.round((System.nanoTime() - start) / 1e6));
    return out;
  }

  private boolean handedOff(String supervisorId) throws Exception {
    // The supervisor's status report is refreshed only by its periodic run; the task list is current.
    JsonNode tasks = http.getOk(overlordUrl + "/tasks?datasource=" + supervisorId);
    if (tasks.size() == 0) {
      return false;
    }
    for (JsonNode task : tasks) {
      String status = task.path("statusCode").asText();
      if (status.equals("FAILED")) {
        throw new IllegalStateException("Task[" + task.path("id").asText() + "] failed: " + task);
      }
      if (!status.equals("SUCCESS")) {
        return false;
      }
    }
    return true;
  }

  /** Bytes and segments (directories holding a {@code version.bin}, or {@code index.zip} files) under {@code dir}. */
  public static long[] deepStorage(Path dir) throws IOException {
    long bytes = 0;
    long segments = 0;
    if (!Files.isDirectory(dir)) {
      return new long[] {0, 0};
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        bytes += Files.size(p);
        String name = p.getFileName().toString();
        if (name.equals("version.bin") || name.equals("index.zip")) {
          segments++;
        }
      }
    }
    return new long[] {bytes, segments};
  }
}
