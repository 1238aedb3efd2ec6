package io.kafkaindexing.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The benchmarks' operations timed in CPU time of the measuring thread instead of wall time, for a
 * machine shared with other work: when the load average is above the core count, a wall-clock
 * score mostly measures the wait for a core, CPU time much less so. Each named case runs the same
 * {@code @State} set-up and operation as its JMH benchmark, warms up, then is measured; it prints
 * CPU milliseconds per operation and rows per CPU-second. Not a replacement for JMH: no fork per
 * case (run one case per JVM, see docs/benchmarks.md), and CPU time of other threads (the garbage
 * collector's, the JIT's) is not counted.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.kafkaindexing.benchmarks.CpuTimes
 * [warmupSeconds measureSeconds] case...} with cases {@code parse add ingest ingest2p persist merge} and
 * {@code <query>-<segment>} (e.g. {@code topN-persisted}); no case runs them all.
 */
public final class CpuTimes {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final List<String> QUERIES = List.of("search", "timeseries", "topN", "groupBy", "scan");
  private static final List<String> SEGMENTS = List.of("incremental", "persisted");

  /** Keeps results reachable so that no operation is optimised away. */
  private static volatile Object sink;

  private CpuTimes() {}

  /** One measured case: set-up, the operation with its untimed steps around it, clean-up. */
  private record Case(String name, int rowsPerOp, Callable<Object> op, Runnable before, Runnable after,
      Runnable tearDown) {}

  public static void main(String[] args) throws Exception {
    double warmup = 5;
    double measure = 10;
    List<String> names = new ArrayList<>(List.of(args));
    if (names.size() >= 2 && names.get(0).matches("[0-9.]+") && names.get(1).matches("[0-9.]+")) {
      warmup = Double.parseDouble(names.remove(0));
      measure = Double.parseDouble(names.remove(0));
    }
    if (names.isEmpty()) {
      names.addAll(List.of("parse", "add", "ingest", "persist", "merge"));
      QUERIES.forEach(q -> SEGMENTS.forEach(s -> names.add(q + "-" + s)));
    }
    System.out.println("| case | ops | CPU ms/op | rows per CPU-second |");
    System.out.println("| --- | --- | --- | --- |");
    for (String name : names) {
      Case c = setUp(name);
      try {
        run(c, warmup);
        long[] opsAndNanos = run(c, measure);
        double msPerOp = opsAndNanos[1] / 1e6 / opsAndNanos[0];
        System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %,.0f |%n", name, opsAndNanos[0], msPerOp,
            c.rowsPerOp() * 1000.0 / msPerOp);
      } finally {
        c.tearDown().run();
      }
    }
  }

  /** Runs the operation until {@code seconds} of CPU time were spent in it; returns ops and CPU nanos. */
  private static long[] run(Case c, double seconds) throws Exception {
    long budget = (long) (seconds * 1e9);
    long spent = 0;
    long ops = 0;
    while (spent < budget || ops == 0) {
      c.before().run();
      long start = THREADS.getCurrentThreadCpuTime();
      sink = c.op().call();
      spent += THREADS.getCurrentThreadCpuTime() - start;
      ops++;
      c.after().run();
    }
    return new long[] {ops, spent};
  }

  private static Case setUp(String name) throws Exception {
    Runnable none = () -> { };
    switch (name) {
      case "parse" -> {
        JsonParseBenchmark b = new JsonParseBenchmark();
        b.setUp();
        return new Case(name, JsonParseBenchmark.ROWS, b::parse, none, none, none);
      }
      case "add" -> {
        IncrementalIndexAddBenchmark b = new IncrementalIndexAddBenchmark();
        b.parseRows();
        return new Case(name, IncrementalIndexAddBenchmark.ROWS, b::add, b::emptyIndex, none, none);
      }
      case "ingest", "ingest2p" -> {
        IngestBenchmark b = new IngestBenchmark();
        b.partitions = name.equals("ingest") ? 1 : 2;
        b.setUp();
        return new Case(name, IngestBenchmark.ROWS, b::ingest, b::emptyIndex, none, none);
      }
      case "persist" -> {
        PersistBenchmark b = new PersistBenchmark();
        b.buildIndex();
        return new Case(name, PersistBenchmark.ROWS, b::persist, none, b::deleteSegment, b::deleteRoot);
      }
      case "merge" -> {
        MergeBenchmark b = new MergeBenchmark();
        b.persistParts();
        return new Case(name, MergeBenchmark.ROWS, b::merge, none, b::deleteMerged, b::close);
      }
      default -> {
        int dash = name.indexOf('-');
        if (dash < 0 || !QUERIES.contains(name.substring(0, dash)) || !SEGMENTS.contains(name.substring(dash + 1))) {
          throw new IllegalArgumentException("case[" + name + "] is not parse, add, ingest, ingest2p, persist, merge nor one of "
              + QUERIES + "-" + SEGMENTS);
        }
        QueryKernelBenchmark b = new QueryKernelBenchmark();
        b.query = name.substring(0, dash);
        b.segment = name.substring(dash + 1);
        b.setUp();
        return new Case(name, QueryKernelBenchmark.ROWS, b::runOnSegment, none, none, b::tearDown);
      }
    }
  }
}
