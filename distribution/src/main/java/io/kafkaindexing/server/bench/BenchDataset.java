package io.kafkaindexing.server.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Random;

/**
 * The benchmark's rows, generated deterministically in the seed's schema
 * {@code {"time","url","user","latencyMs"}}, exactly as the Apache Druid 33 reference run produced them
 * (see {@code src/test/resources/druid33-segments/README.md}, dataset {@code metrics-bench-tc1}):
 * row {@code i} of {@code n} has time {@code 2018-03-06T00:00:00Z + floor(i * 86400000 / n)} ms, then
 * {@code url /page/<nextInt(1000)>}, {@code user user<nextInt(10000)>} and {@code latencyMs
 * 1 + nextInt(1000)} drawn in that order from one {@code java.util.Random(20180306)}; row {@code i}
 * goes to partition {@code i % partitions}.
 *
 * <p>Not thread-safe: rows must be taken in order with {@link #next()}.
 */
public final class BenchDataset {
  public static final long SEED = 20180306L;
  public static final long DAY_START_MS = Instant.parse("2018-03-06T00:00:00Z").toEpochMilli();
  public static final long DAY_MS = 86_400_000L;
  public static final int URLS = 1000;
  public static final int USERS = 10_000;

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);

  private final long rows;
  private final Random random = new Random(SEED);
  private long index;

  /** The drawn values of the latest row. */
  private long timeMs;
  private int url;
  private int user;
  private int latencyMs;

  public BenchDataset(long rows) {
    if (rows <= 0) {
      throw new IllegalArgumentException("rows[" + rows + "] must be positive");
    }
    this.rows = rows;
  }

  public long rows() {
    return rows;
  }

  public boolean hasNext() {
    return index < rows;
  }

  /** Draws the next row; read it with the accessors or {@link #json()}. Returns its index. */
  public long next() {
    long i = index++;
    // i * DAY_MS fits a long for any i below ~10^11 rows.
    timeMs = DAY_START_MS + Math.floorDiv(i * DAY_MS, rows);
    url = random.nextInt(URLS);
    user = random.nextInt(USERS);
    latencyMs = 1 + random.nextInt(1000);
    return i;
  }

  public long timeMs() {
    return timeMs;
  }

  public int url() {
    return url;
  }

  public int user() {
    return user;
  }

  public int latencyMs() {
    return latencyMs;
  }

  /** The latest row as produced: {@code {"time": "...", "url": "...", "user": "...", "latencyMs": n}}. */
  public String json() {
    return json(timeMs, url, user, latencyMs);
  }

  /** A row of the seed's schema at {@code timeMs}, in the byte layout of the reference run. */
  public static String json(long timeMs, int url, int user, int latencyMs) {
    return "{\"time\": \"" + TIME.format(Instant.ofEpochMilli(timeMs)) + "\", \"url\": \"/page/" + url
        + "\", \"user\": \"user" + user + "\", \"latencyMs\": " + latencyMs + "}";
  }

  public byte[] jsonBytes() {
    return json().getBytes(StandardCharsets.UTF_8);
  }
}
