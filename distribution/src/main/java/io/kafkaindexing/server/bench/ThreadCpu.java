package io.kafkaindexing.server.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time of this process's threads, Java and JVM-internal (JIT compiler, GC), from
 * {@code /proc/self/task/<tid>/stat} (Linux only; empty elsewhere). The bench takes a snapshot at the
 * POST and one when all rows are queryable and reports the difference by thread name with the digits
 * replaced by {@code #} (so the pools' threads add up), which says where the ingestion's CPU went. A
 * thread that ended between the snapshots is missing from the difference. Thread-safe.
 */
public final class ThreadCpu {
  private static final Path TASKS = Path.of("/proc/self/task");
  /** Linux reports thread times in clock ticks of 10 ms ({@code USER_HZ} is 100 on every common build). */
  private static final double SECONDS_PER_TICK = 0.01;

  private ThreadCpu() {}

  /** A thread's name and its user plus system CPU time in clock ticks. */
  public record Sample(String name, long ticks) {}

  /** Every live thread by id; empty if {@code /proc} cannot be read. */
  public static Map<String, Sample> snapshot() {
    Map<String, Sample> threads = new HashMap<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(TASKS)) {
      for (Path dir : dirs) {
        Sample sample = read(dir.resolve("stat"));
        if (sample != null) {
          threads.put(dir.getFileName().toString(), sample);
        }
      }
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
    return threads;
  }

  /** Parses one {@code stat} line: the name is between the first '(' and the last ')'; utime and stime are fields 14 and 15. */
  static Sample parse(String stat) {
    int open = stat.indexOf('(');
    int close = stat.lastIndexOf(')');
    if (open < 0 || close < open) {
      return null;
    }
    String[] rest = stat.substring(close + 2).trim().split(" ");
    // rest[0] is field 3 (state): utime is field 14, stime field 15.
    if (rest.length < 13) {
      return null;
    }
    return new Sample(stat.substring(open + 1, close), Long.parseLong(rest[11]) + Long.parseLong(rest[12]));
  }

  /**
   * CPU seconds per thread-name group between two snapshots, largest first, with the groups under
   * {@code minShare} of the total summed into "other"; the last entry is "total".
   */
  public static Map<String, Double> secondsByName(Map<String, Sample> before, Map<String, Sample> after,
      double minShare) {
    Map<String, Long> ticks = new HashMap<>();
    long total = 0;
    for (Map.Entry<String, Sample> e : after.entrySet()) {
      Sample was = before.get(e.getKey());
      long used = e.getValue().ticks() - (was == null ? 0 : was.ticks());
      if (used > 0) {
        ticks.merge(group(e.getValue().name()), used, Long::sum);
        total += used;
      }
    }
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(ticks.entrySet());
    sorted.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
    Map<String, Double> out = new LinkedHashMap<>();
    long other = 0;
    for (Map.Entry<String, Long> e : sorted) {
      if (e.getValue() < total * minShare) {
        other += e.getValue();
      } else {
        out.put(e.getKey(), Percentiles.round(e.getValue() * SECONDS_PER_TICK));
      }
    }
    if (other > 0) {
      out.put("other", Percentiles.round(other * SECONDS_PER_TICK));
    }
    out.put("total", Percentiles.round(total * SECONDS_PER_TICK));
    return out;
  }

  /** The thread's name with digit runs as '#', except in the JIT's "C1"/"C2" (Linux truncates names to 15 characters). */
  static String group(String name) {
    return name.replaceAll("(?<!C)[0-9]+", "#");
  }

  private static Sample read(Path stat) {
    try {
      return parse(Files.readString(stat));
    } catch (IOException | RuntimeException e) {
      return null; // the thread ended while the directory was listed
    }
  }
}
