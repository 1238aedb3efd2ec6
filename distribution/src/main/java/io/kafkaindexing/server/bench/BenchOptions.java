package io.kafkaindexing.server.bench;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The benchmark's command-line options. Immutable.
 *
 * @param home            the distribution's install directory (extensions/, conf/)
 * @param rows            rows to generate and ingest (2,000,000 by default; 10,000,000 is the large size)
 * @param taskCount       the supervisor's {@code ioConfig.taskCount}
 * @param partitions      partitions of the topic
 * @param startDelay      the supervisor's {@code ioConfig.startDelay}, or null for the spec's default (PT5S)
 * @param latencyRate     rows per second produced in the produce-to-queryable phase (0 skips it)
 * @param latencySeconds  length of that phase
 * @param warmups         warm-up runs of each query
 * @param runs            measured runs of each query
 * @param workDir         where the broker, metadata store, deep storage and logs live during the run
 * @param out             the JSON file of all figures
 * @param keep            keep {@code workDir} afterwards (it is deleted otherwise)
 * @param again           after the queries, ingest the rows a second time (a new topic and data source)
 *                        on the same server, whose code the first run has compiled: what a long-running
 *                        server sees
 */
public record BenchOptions(Path home, long rows, int taskCount, int partitions, String startDelay, int latencyRate,
    int latencySeconds, int warmups, int runs, Path workDir, Path out, boolean keep, boolean again) {

  public static final String USAGE = String.join("\n",
      "Usage: bin/bench [--rows 2000000|10000000|N] [--task-count 1|2] [--partitions 2] [--start-delay PT5S]",
      "                 [--latency-rate 5000] [--latency-seconds 20] [--warmups 3] [--runs 20]",
      "                 [--work-dir var/bench/run] [--out var/bench/result-<rows>-tc<n>.json] [--keep] [--again]");

  /** Parses {@code args}; throws {@link IllegalArgumentException} naming the option at fault. */
  public static BenchOptions parse(Path home, String[] args) {
    long rows = 2_000_000;
    int taskCount = 1;
    int partitions = 2;
    String startDelay = null;
    int latencyRate = 5000;
    int latencySeconds = 20;
    int warmups = 3;
    int runs = 20;
    Path workDir = null;
    Path out = null;
    boolean keep = false;
    boolean again = false;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (name.equals("--keep")) {
        keep = true;
        continue;
      }
      if (name.equals("--again")) {
        again = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Option[" + name + "] needs a value\n" + USAGE);
      }
      String value = args[++i];
      switch (name) {
        case "--rows" -> rows = positive(name, value);
        case "--task-count" -> taskCount = (int) positive(name, value);
        case "--partitions" -> partitions = (int) positive(name, value);
        case "--start-delay" -> startDelay = value.toUpperCase(Locale.ROOT);
        case "--latency-rate" -> latencyRate = (int) nonNegative(name, value);
        case "--latency-seconds" -> latencySeconds = (int) positive(name, value);
        case "--warmups" -> warmups = (int) nonNegative(name, value);
        case "--runs" -> runs = (int) positive(name, value);
        case "--work-dir" -> workDir = Path.of(value);
        case "--out" -> out = Path.of(value);
        default -> throw new IllegalArgumentException("Unknown option[" + name + "]\n" + USAGE);
      }
    }
    if (rows > 86_400_000L) {
      throw new IllegalArgumentException("Option[--rows] value[" + rows + "] is over 86,400,000: rows would share a "
          + "millisecond and roll up");
    }
    if (workDir == null) {
      workDir = home.resolve("var/bench/run");
    }
    if (out == null) {
      out = home.resolve("var/bench/result-" + rows + "-tc" + taskCount + ".json");
    }
    return new BenchOptions(home, rows, taskCount, partitions, startDelay, latencyRate, latencySeconds, warmups, runs,
        workDir.toAbsolutePath(), out.toAbsolutePath(), keep, again);
  }

  private static long positive(String name, String value) {
    long v = nonNegative(name, value);
    if (v == 0) {
      throw new IllegalArgumentException("Option[" + name + "] value[" + value + "] must be positive");
    }
    return v;
  }

  private static long nonNegative(String name, String value) {
    try {
      long v = Long.parseLong(value.replace("_", "").replace(",", ""));
      if (v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Option[" + name + "] value[" + value + "] is not a non-negative integer");
    }
  }
}
