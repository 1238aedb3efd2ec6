package io.kafkaindexing.server.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * All figures of a run as nested sections ({@code environment}, {@code produce}, {@code server},
 * {@code ingestion}, {@code queries_realtime}, {@code handoff}, {@code queries_historical},
 * {@code ingestion_again}, {@code queries_realtime_again} (with {@code --again}),
 * {@code produce_to_queryable}, {@code memory}), printed as a table and written as JSON. Not thread-safe.
 */
public final class BenchReport {
  private final Map<String, Object> figures = new LinkedHashMap<>();

  public void put(String section, Object value) {
    figures.put(section, value);
  }

  public Map<String, Object> figures() {
    return figures;
  }

  public void writeJson(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, BenchHttp.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(figures) + "\n");
  }

  /** The headline figures as a two-column table, then one row per query and phase. */
  @SuppressWarnings("unchecked")
  public void printTable(PrintStream out) {
    out.println();
    out.println("| figure | value |");
    out.println("| --- | --- |");
    Map<String, Object> ingestion = section("ingestion");
    row(out, "server start-up (in-process, ms)", section("server").get("startup_ms"));
    row(out, "rows produced before the POST", ingestion.get("rows"));
    row(out, "POST to all rows queryable (ms)", ingestion.get("wall_ms_post_to_all_queryable"));
    row(out, "ingestion rows/s (POST to all queryable)", ingestion.get("rows_per_s"));
    row(out, "first row queryable after the POST (ms)", ingestion.get("first_row_queryable_ms"));
    row(out, "steady ingestion rows/s (20%..80%)", ingestion.get("steady_rows_per_s"));
    row(out, "CPU during ingestion (cores busy)", ingestion.get("cpu_cores_busy"));
    row(out, "rows per CPU-second of the process during ingestion", ingestion.get("rows_per_cpu_s"));
    if (ingestion.get("cpu_s_by_thread") instanceof Map<?, ?> byThread && byThread.size() > 1) {
      row(out, "CPU-s by thread during ingestion (top 6)", topThreads(byThread, 6));
    }
    row(out, "GC during ingestion (collections, ms)", ingestion.get("gc_count") + ", " + ingestion.get("gc_ms"));
    row(out, "peak RSS during ingestion (MiB)", mib(ingestion.get("peak_rss_bytes")));
    row(out, "peak heap used during ingestion (MiB, sampled)", mib(ingestion.get("peak_heap_used_sampled_bytes")));
    Map<String, Object> again = section("ingestion_again");
    if (!again.isEmpty()) {
      row(out, "again, same server: POST to all rows queryable (ms)", again.get("wall_ms_post_to_all_queryable"));
      row(out, "again, same server: ingestion rows/s", again.get("rows_per_s"));
      row(out, "again, same server: first row queryable after the POST (ms)", again.get("first_row_queryable_ms"));
      row(out, "again, same server: rows per CPU-second", again.get("rows_per_cpu_s"));
    }
    Map<String, Object> handoff = section("handoff");
    if (!handoff.isEmpty()) {
      row(out, "suspend to handed off (ms)", handoff.get("suspend_to_handed_off_ms"));
      row(out, "segments in deep storage", handoff.get("segments"));
      row(out, "deep storage bytes per row", handoff.get("bytes_per_row"));
    }
    Map<String, Object> latency = section("produce_to_queryable");
    if (latency.get("latency_ms") instanceof Map<?, ?> ms) {
      row(out, "produce-to-queryable at " + latency.get("rate_rows_per_s") + " rows/s, p50/p99 (ms)",
          ms.get("p50") + " / " + ms.get("p99"));
    }
    for (String phase : new String[] {"realtime", "historical"}) {
      Map<String, Object> topN = section("topN_accuracy_" + phase);
      if (!topN.isEmpty()) {
        row(out, "topN exact (" + phase + "); returned views vs exact top 10",
            topN.get("exact") + "; " + topN.get("returned_views") + " vs " + topN.get("exact_top10_views"));
      }
    }
    Map<String, Object> memory = section("memory");
    row(out, "peak RSS, whole run after the POST (MiB)", mib(memory.get("peak_rss_after_post_bytes")));
    row(out, "peak heap used, whole run (MiB, sampled)", mib(memory.get("peak_heap_used_sampled_bytes")));
    out.println();
    out.println("| query | phase | p50 ms | p95 ms | p99 ms | max ms |");
    out.println("| --- | --- | --- | --- | --- | --- |");
    for (String phase : new String[] {"queries_realtime", "queries_historical", "queries_realtime_again"}) {
      for (Map.Entry<String, Object> q : section(phase).entrySet()) {
        Map<String, Object> s = (Map<String, Object>) q.getValue();
        out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", q.getKey(), phase.substring("queries_".length()),
            s.get("p50"), s.get("p95"), s.get("p99"), s.get("max"));
      }
    }
    out.println();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> section(String name) {
    Object s = figures.get(name);
    return s instanceof Map<?, ?> ? (Map<String, Object>) s : Map.of();
  }

  private static void row(PrintStream out, String name, Object value) {
    out.println("| " + name + " | " + value + " |");
  }

  private static String mib(Object bytes) {
    return bytes instanceof Number n ? String.format(Locale.ROOT, "%.0f", n.doubleValue() / (1 << 20)) : "n/a";
  }

  private static String topThreads(Map<?, ?> byThread, int n) {
    StringBuilder s = new StringBuilder();
    for (Map.Entry<?, ?> e : byThread.entrySet()) {
      if (n-- == 0 || "total".equals(e.getKey())) {
        break;
      }
      s.append(s.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
    }
    return s.toString();
  }
}
