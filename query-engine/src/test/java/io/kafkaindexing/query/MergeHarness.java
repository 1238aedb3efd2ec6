package io.kafkaindexing.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.query.brute.Brute;
import io.kafkaindexing.query.groupby.GroupByToolkit;
import io.kafkaindexing.query.timeline.TimelineEntry;
import io.kafkaindexing.query.topn.TopNToolkit;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.incremental.IncrementalIndex;
import io.kafkaindexing.segment.persisted.PersistedSegment;
import io.kafkaindexing.segment.persisted.SegmentWriter;
import io.kafkaindexing.segment.read.Segment;
import io.kafkaindexing.segment.read.SegmentView;
import io.kafkaindexing.segment.row.MapBasedInputRow;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A manual measuring harness, not a test: the bench's topN and groupBy over 24 hourly persisted
 * segments of bench-like rows (url over 1,000 values, user over 10,000, count {@code views}, doubleSum
 * {@code latencyMs}), the per-segment step and the merge timed apart in CPU time of this thread, and
 * the whole query through {@link QueryExecutor} with JSON (wall clock, and process CPU time). Writes
 * each answer's JSON next to the segments so that answers can be compared between builds. Run with
 * the test class path: {@code java -cp ... io.kafkaindexing.query.MergeHarness <dir> [rows] [runs]}.
 */
public final class MergeHarness {
  private static final String DS = "\"dataSource\":\"metrics-kafka\",";
  private static final String INTERVAL = "\"intervals\":[\"2018-03-06/2018-03-07\"]";
  private static final String AGGREGATIONS = "\"aggregations\":[{\"type\":\"longSum\",\"name\":\"views\","
      + "\"fieldName\":\"views\"},{\"type\":\"doubleSum\",\"name\":\"latencyMs\",\"fieldName\":\"latencyMs\"}]";
  static final Map<String, String> QUERIES = Map.of(
      "topN", "{\"queryType\":\"topN\"," + DS + "\"dimension\":\"user\",\"threshold\":10,\"metric\":\"views\","
          + "\"granularity\":\"all\"," + AGGREGATIONS + "," + INTERVAL + "}",
      "groupBy", "{\"queryType\":\"groupBy\"," + DS + "\"granularity\":\"all\",\"dimensions\":[\"url\"],"
          + AGGREGATIONS + ",\"limitSpec\":{\"type\":\"default\",\"limit\":100}," + INTERVAL + "}");

  private MergeHarness() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 40;
    Map<Long, Segment> segments = segments(dir, rows);
    SegmentRegistry registry = new SegmentRegistry();
    SeedData.announce(registry, SeedData.DATA_SOURCE, Granularities.HOUR, segments);
    ObjectMapper mapper = Brute.MAPPER;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    QueryExecutor executor = new QueryExecutor(registry);
    for (String name : List.of("topN", "groupBy")) {
      Query query = mapper.readValue(QUERIES.get(name), Query.class);
      String answer = mapper.writeValueAsString(executor.run(query));
      Files.writeString(dir.resolve(name + ".json"), answer, StandardCharsets.UTF_8);
      double[] segCpu = new double[runs];
      double[] mergeCpu = new double[runs];
      double[] wall = new double[runs];
      double[] procCpu = new double[runs];
      for (int r = -10; r < runs; r++) {
        long t0 = threads.getCurrentThreadCpuTime();
        List<Object> partials = partials(registry, query);
        long t1 = threads.getCurrentThreadCpuTime();
        List<?> merged = merge(query, partials);
        long t2 = threads.getCurrentThreadCpuTime();
        if (merged.isEmpty()) {
          throw new IllegalStateException("no answer");
        }
        long p0 = os.getProcessCpuTime();
        long w0 = System.nanoTime();
        String again = mapper.writeValueAsString(executor.run(query));
        long w1 = System.nanoTime();
        long p1 = os.getProcessCpuTime();
        if (!again.equals(answer)) {
          throw new IllegalStateException("answer changed between runs");
        }
        if (r >= 0) {
          segCpu[r] = (t1 - t0) / 1e6;
          mergeCpu[r] = (t2 - t1) / 1e6;
          wall[r] = (w1 - w0) / 1e6;
          procCpu[r] = (p1 - p0) / 1e6;
        }
      }
      System.out.printf("%s: per-segment CPU p50 %.2f ms, merge CPU p50 %.2f ms, query wall p50 %.2f ms "
          + "(p95 %.2f), query process CPU p50 %.2f ms, load %s%n", name, p50(segCpu), p50(mergeCpu), p50(wall),
          pct(wall, 0.95), p50(procCpu), Files.readString(Path.of("/proc/loadavg")).trim());
    }
  }

  private static double p50(double[] v) {
    return pct(v, 0.5);
  }

  private static double pct(double[] v, double p) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[Math.min(s.length - 1, (int) Math.floor(p * s.length))];
  }

  /** The 24 segments' partials in time order on this thread, as the executor makes them. */
  private static List<Object> partials(SegmentRegistry registry, Query query) {
    List<Object> out = new ArrayList<>();
    for (TimelineEntry entry : registry.lookup(SeedData.DATA_SOURCE, query.getIntervals())) {
      try (SegmentView view = entry.segment().open()) {
        QuerySegment segment = new QuerySegment(entry.id(), view, entry.interval());
        if (query instanceof io.kafkaindexing.query.topn.TopNQuery t) {
          out.add(new TopNToolkit().runOnSegment(t, segment, QueryDeadline.none()));
        } else {
          out.add(new GroupByToolkit().runOnSegment((io.kafkaindexing.query.groupby.GroupByQuery) query, segment,
              QueryDeadline.none()));
        }
      }
    }
    return out;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<?> merge(Query query, List<Object> partials) {
    if (query instanceof io.kafkaindexing.query.topn.TopNQuery t) {
      return new TopNToolkit().merge(t, (List) partials);
    }
    return new GroupByToolkit().merge((io.kafkaindexing.query.groupby.GroupByQuery) query, (List) partials);
  }

  /** The bench's rows of a day of {@code rows}, as 24 hourly persisted segments under {@code dir} (made once). */
  static Map<Long, Segment> segments(Path dir, int rows) throws Exception {
    Map<Long, Segment> out = new TreeMap<>();
    long day = 1520294400000L; // 2018-03-06T00:00Z
    File marker = dir.resolve("done-" + rows).toFile();
    if (!marker.exists()) {
      Map<Long, IncrementalIndex> indexes = new TreeMap<>();
      Random random = new Random(20180306L);
      List<String> dims = List.of("url", "user");
      for (long i = 0; i < rows; i++) {
        long time = day + Math.floorDiv(i * 86_400_000L, rows);
        Map<String, Object> event = new HashMap<>();
        event.put("url", "/page/" + random.nextInt(1000));
        event.put("user", "user" + random.nextInt(10_000));
        event.put("latencyMs", 1 + random.nextInt(1000));
        long start = Granularities.HOUR.bucketStart(time);
        indexes.computeIfAbsent(start, s -> new IncrementalIndex(SeedData.seedSchema(s)))
            .add(new MapBasedInputRow(time, dims, event));
      }
      for (Map.Entry<Long, IncrementalIndex> e : indexes.entrySet()) {
        SegmentWriter.persist(e.getValue(), Granularities.HOUR.bucket(e.getKey()),
            dir.resolve("segment-" + e.getKey()).toFile());
      }
      Files.createDirectories(dir);
      Files.writeString(marker.toPath(), "ok");
    }
    for (int h = 0; h < 24; h++) {
      long start = day + h * 3_600_000L;
      out.put(start, PersistedSegment.load(dir.resolve("segment-" + start).toFile()));
    }
    return out;
  }
}
