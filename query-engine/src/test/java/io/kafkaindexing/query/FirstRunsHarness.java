package io.kafkaindexing.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.query.brute.Brute;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.persisted.PersistedSegment;
import io.kafkaindexing.segment.read.Segment;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A manual measuring harness, not a test: one query of {@link MergeHarness} (topN or groupBy) run
 * in a fresh JVM as the bench runs it after handoff, 3 warm-ups then 20 measured runs through
 * {@link QueryExecutor} with JSON, so that the JIT's first runs are what is measured. Prints the
 * p50 of the measured runs' wall time and of the CPU time of all Java threads (the caller and the
 * segment pool; not the JIT's). The segments are the ones {@link MergeHarness} wrote under
 * {@code dir}. Run with the test class path:
 * {@code java -cp ... io.kafkaindexing.query.FirstRunsHarness <dir> <topN|groupBy> [warmups runs]}.
 */
public final class FirstRunsHarness {
  private FirstRunsHarness() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String name = args[1];
    int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    Map<Long, Segment> segments = new TreeMap<>();
    long day = 1520294400000L;
    for (int h = 0; h < 24; h++) {
      long start = day + h * 3_600_000L;
      segments.put(start, PersistedSegment.load(dir.resolve("segment-" + start).toFile()));
    }
    SegmentRegistry registry = new SegmentRegistry();
    SeedData.announce(registry, SeedData.DATA_SOURCE, Granularities.HOUR, segments);
    ObjectMapper mapper = Brute.MAPPER;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    QueryExecutor executor = new QueryExecutor(registry);
    String json = MergeHarness.QUERIES.get(name);
    String expected = Files.exists(dir.resolve(name + ".json")) ? Files.readString(dir.resolve(name + ".json")) : null;
    double[] wall = new double[runs];
    double[] cpu = new double[runs];
    for (int r = -warmups; r < runs; r++) {
      long c0 = allThreadsCpu(threads);
      long w0 = System.nanoTime();
      Query query = mapper.readValue(json, Query.class);
      String answer = mapper.writeValueAsString(executor.run(query));
      long w1 = System.nanoTime();
      long c1 = allThreadsCpu(threads);
      if (expected != null && !answer.equals(expected)) {
        throw new IllegalStateException("answer differs from " + dir.resolve(name + ".json"));
      }
      if (r >= 0) {
        wall[r] = (w1 - w0) / 1e6;
        cpu[r] = (c1 - c0) / 1e6;
      }
    }
    System.out.printf("%s first runs: wall p50 %.2f ms (p95 %.2f), all-threads CPU p50 %.2f ms, load %s%n", name,
        pct(wall, 0.5), pct(wall, 0.95), pct(cpu, 0.5), Files.readString(Path.of("/proc/loadavg")).trim());
    System.exit(0);
  }

  private static long allThreadsCpu(ThreadMXBean threads) {
    long sum = 0;
    for (long id : threads.getAllThreadIds()) {
      long t = threads.getThreadCpuTime(id);
      sum += Math.max(0, t);
    }
    return sum;
  }

  private static double pct(double[] v, double p) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[Math.min(s.length - 1, (int) Math.floor(p * s.length))];
  }
}
