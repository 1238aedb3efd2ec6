package io.kafkaindexing.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * POSTs the supervisor spec and polls a count over all time (every 50 ms, or four times the last
 * poll's duration if longer, so that polling takes at most a fifth of the time; 50 ms after the
 * first poll, which runs cold code) until it equals the rows
 * produced: wall time from the POST, time to the first queryable row, and the steady rate (rows per
 * second between the polls that saw 20% and 80% of the rows). Fails if more rows than produced are
 * ever counted, or if {@code sum(latencyMs)} disagrees with the ground truth at the end.
 */
public final class IngestionPhase {
  private static final long POLL_MS = 50;

  private final BenchHttp http;
  private final String overlordUrl;
  private final String brokerUrl;

  public IngestionPhase(BenchHttp http, String overlordUrl, String brokerUrl) {
    this.http = http;
    this.overlordUrl = overlordUrl;
    this.brokerUrl = brokerUrl + "/druid/v2";
  }

  /** A poll: milliseconds after the POST when it answered, the rows counted and how long it took. */
  private record Sample(double ms, long rows, double pollMs) {}

  public Map<String, Object> run(String spec, String dataSource, GroundTruth truth, long timeoutMs,
      MemorySampler memory) throws Exception {
    String countQuery = BenchQueries.count(dataSource);
    Map<String, ThreadCpu.Sample> threadsBefore = ThreadCpu.snapshot();
    long cpuBefore = MemorySampler.processCpuNanos();
    long[] gcBefore = MemorySampler.gcTotals();
    ProcessMemory.resetPeakHeap();
    boolean hwmReset = ProcessMemory.resetPeakRss();
    memory.reset();
    List<Sample> samples = new ArrayList<>();
    long start = System.nanoTime();
    http.postOk(overlordUrl + "/druid/indexer/v1/supervisor", spec);
    double postMs = (System.nanoTime() - start) / 1e6;
    JsonNode last;
    while (true) {
      long pollStart = System.nanoTime();
      last = http.postOk(brokerUrl, countQuery);
      long pollNanos = System.nanoTime() - pollStart;
      long rows = BenchQueries.views(last);
      samples.add(new Sample((System.nanoTime() - start) / 1e6, rows, pollNanos / 1e6));
      if (rows > truth.rows()) {
        throw new QueryPhase.WrongAnswerException("Counted " + rows + " rows, more than the " + truth.rows()
            + " produced");
      }
      if (rows == truth.rows()) {
        break;
      }
      if (System.nanoTime() - start > timeoutMs * 1_000_000L) {
        throw new IllegalStateException("Only " + rows + " of " + truth.rows() + " rows queryable after " + timeoutMs
            + " ms");
      }
      // The count scans every row: polling at most a fifth of the time keeps the observer from taking
      // the CPU the ingestion needs (polling every 50 ms took 40% of the samples of a 2-core run).
      // Not after the first poll: it is slow because a fresh server runs the query's code for the
      // first time (60-100 ms for no rows), and waiting four times that would delay the poll that
      // sees the first rows by up to 0.4 s.
      Thread.sleep(samples.size() == 1 ? POLL_MS : Math.max(POLL_MS, 4 * pollNanos / 1_000_000));
    }
    double wallMs = samples.get(samples.size() - 1).ms();
    long cpuNanos = MemorySampler.processCpuNanos() - cpuBefore;
    long[] gcAfter = MemorySampler.gcTotals();
    Map<String, ThreadCpu.Sample> threadsAfter = ThreadCpu.snapshot();
    memory.sample();
    if (BenchQueries.latency(last) != truth.latencySum()) {
      throw new QueryPhase.WrongAnswerException("sum(latencyMs) is " + BenchQueries.latency(last) + ", the generator's "
          + truth.latencySum());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rows", truth.rows());
    out.put("post_ms", Percentiles.round(postMs));
    out.put("wall_ms_post_to_all_queryable", Percentiles.round(wallMs));
    out.put("rows_per_s", Math.round(truth.rows() / (wallMs / 1000)));
    out.put("first_row_queryable_ms", Percentiles.round(firstNonZero(samples)));
    out.put("steady_rows_per_s", steadyRate(samples, truth.rows()));
    out.put("polls", samples.size());
    // The observer's own cost: how long each count took (the last one answered the total; the wall
    // time includes up to one interval of four times a poll between the last row and its count).
    double[] pollMs = samples.stream().mapToDouble(Sample::pollMs).toArray();
    out.put("count_poll_ms", new Percentiles(pollMs).summary());
    List<double[]> timeline = new ArrayList<>(samples.size());
    samples.forEach(x -> timeline.add(new double[] {Percentiles.round(x.ms()), x.rows(), Percentiles.round(x.pollMs())}));
    out.put("count_polls_ms_rows_duration", timeline);
    out.put("cpu_s", Percentiles.round(cpuNanos / 1e9));
    out.put("cpu_cores_busy", Percentiles.round(cpuNanos / 1e6 / wallMs));
    // Less sensitive to other processes on the machine than the wall-clock rate (the process's CPU
    // time includes the broker serving the fetches and the count polls).
    out.put("rows_per_cpu_s", cpuNanos <= 0 ? -1 : Math.round(truth.rows() / (cpuNanos / 1e9)));
    // Where the CPU went: JIT compiler threads, GC threads, the task's threads, the broker's, the polls.
    out.put("cpu_s_by_thread", ThreadCpu.secondsByName(threadsBefore, threadsAfter, 0.01));
    out.put("gc_count", gcAfter[0] - gcBefore[0]);
    out.put("gc_ms", gcAfter[1] - gcBefore[1]);
    out.put("peak_rss_bytes", hwmReset ? ProcessMemory.peakRssBytes() : memory.maxRssBytes());
    out.put("peak_rss_source", hwmReset ? "VmHWM reset at the POST" : "VmRSS sampled every 100 ms");
    out.put("peak_heap_used_sampled_bytes", memory.maxHeapBytes());
    out.put("heap_pool_peaks_sum_bytes", ProcessMemory.heapPoolPeaksBytes());
    out.put("count_and_latency_sum_check", "ok: views " + truth.rows() + ", latencyMs " + truth.latencySum());
    return out;
  }

  private static double firstNonZero(List<Sample> samples) {
    for (Sample s : samples) {
      if (s.rows() > 0) {
        return s.ms();
      }
    }
    return Double.NaN;
  }

  /** Rows per second between the first polls at or over 20% and 80% of {@code total}. */
  private static long steadyRate(List<Sample> samples, long total) {
    Sample from = null;
    Sample to = null;
    for (Sample s : samples) {
      if (from == null && s.rows() >= total * 0.2) {
        from = s;
      }
      if (to == null && s.rows() >= total * 0.8) {
        to = s;
      }
    }
    if (from == null || to == null || to.ms() <= from.ms()) {
      return -1;
    }
    return Math.round((to.rows() - from.rows()) / ((to.ms() - from.ms()) / 1000));
  }
}
