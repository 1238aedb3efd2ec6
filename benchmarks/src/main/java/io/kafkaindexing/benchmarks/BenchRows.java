package io.kafkaindexing.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The rows of {@code bin/bench}, made by the recipe {@code docs/benchmarks.md} documents for
 * {@code io.kafkaindexing.server.bench.BenchDataset} (a copy: that class lives in the distribution,
 * whose dependencies, a Kafka broker among them, the benchmarks do not need). Row {@code i} of a
 * day of {@code n} rows has time {@code 2018-03-06T00:00:00Z + floor(i * 86400000 / n)} ms, then
 * url {@code /page/<nextInt(1000)>}, user {@code user<nextInt(10000)>} and latencyMs
 * {@code 1 + nextInt(1000)} drawn in that order from one {@code java.util.Random(20180306)},
 * written as {@code {"time": "...", "url": "...", "user": "...", "latencyMs": n}}.
 * {@code BenchRowsTest} checks the copy against the rows Apache Druid 33 ingested. Stateless.
 */
public final class BenchRows {
  public static final long SEED = 20180306L;
  public static final long DAY_START_MS = Instant.parse("2018-03-06T00:00:00Z").toEpochMilli();
  public static final long DAY_MS = 86_400_000L;
  public static final long HOUR_MS = 3_600_000L;
  public static final int URLS = 1000;
  public static final int USERS = 10_000;

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);

  private BenchRows() {}

  /** Rows {@code from} (inclusive) to {@code to} (exclusive) of a day of {@code rowsInDay} rows, as JSON. */
  public static List<String> json(long rowsInDay, long from, long to) {
    if (from < 0 || to < from || to > rowsInDay) {
      throw new IllegalArgumentException("rows[" + from + ", " + to + ") are not in a day of " + rowsInDay);
    }
    Random random = new Random(SEED);
    List<String> out = new ArrayList<>((int) (to - from));
    for (long i = 0; i < to; i++) {
      long timeMs = DAY_START_MS + Math.floorDiv(i * DAY_MS, rowsInDay);
      int url = random.nextInt(URLS);
      int user = random.nextInt(USERS);
      int latencyMs = 1 + random.nextInt(1000);
      if (i >= from) {
        out.add("{\"time\": \"" + TIME.format(Instant.ofEpochMilli(timeMs)) + "\", \"url\": \"/page/" + url
            + "\", \"user\": \"user" + user + "\", \"latencyMs\": " + latencyMs + "}");
      }
    }
    return out;
  }

  /**
   * The first {@code rows} rows of a day of {@code 24 * rows}: one hour segment (2018-03-06T00) of
   * {@code rows} rows, as the seed spec's hourly segments of a {@code 24 * rows}-row bench run hold.
   */
  public static List<byte[]> firstHour(int rows) {
    List<byte[]> out = new ArrayList<>(rows);
    for (String row : json(24L * rows, 0, rows)) {
      out.add(row.getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }
}
