package io.kafkaindexing.query.brute;

import io.kafkaindexing.query.SeedData;
import io.kafkaindexing.query.SegmentRegistry;
import io.kafkaindexing.segment.aggregation.CountAggregatorFactory;
import io.kafkaindexing.segment.aggregation.DoubleMinAggregatorFactory;
import io.kafkaindexing.segment.aggregation.DoubleSumAggregatorFactory;
import io.kafkaindexing.segment.aggregation.LongMaxAggregatorFactory;
import io.kafkaindexing.segment.aggregation.LongSumAggregatorFactory;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.incremental.IncrementalIndex;
import io.kafkaindexing.segment.incremental.IncrementalIndexSchema;
import io.kafkaindexing.segment.row.InputRow;
import io.kafkaindexing.segment.row.MapBasedInputRow;
import io.kafkaindexing.segment.spec.DimensionSchema;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/**
 * A random data set for brute-force query tests, and its stored (rolled-up) rows computed here
 * independently of the index: three hourly segments from 2018-03-06T09:00Z, minute query
 * granularity, rollup; string dimensions {@code user} (with null, missing and empty values),
 * {@code url}, multi-value {@code tags}, long dimension {@code n}; metrics {@code rows} (count),
 * {@code lsum}/{@code lmax} of input {@code lv} (sometimes missing), {@code dsum}/{@code dmin} of
 * {@code dv}. Rows are spread unevenly so that some minutes and one quarter-hour are empty.
 *
 * <p>The segments are in-memory indexes, or with system property {@code brute.form=PERSISTED}
 * the same indexes persisted to segment directories (a second surefire execution runs the suites
 * that way). Either way rows of equal minute are stored ordered by their dimension values in
 * schema order, nulls first, strings in Java String order, multi-value rows value by value, then
 * shorter first: Druid's real-time rollup order, and its persisted order (sorted dictionaries).
 * What differs by form is the metric order of a persisted segment (by name; see the scan suite).
 */
public final class BruteData {
  public static final String DS = "random";
  public static final List<String> DIMS = List.of("user", "url", "tags", "n");
  public static final List<String> METRICS = List.of("rows", "lsum", "lmax", "dsum", "dmin");
  public static final long START = new DateTime("2018-03-06T09:00:00Z", DateTimeZone.UTC).getMillis();
  public static final long HOUR = 3_600_000L;
  public static final String VERSION = "v1";

  public static final SegmentRegistry REGISTRY = new SegmentRegistry();
  /** The form of the segments the suites query. */
  public static final SeedData.Form FORM = SeedData.Form.valueOf(System.getProperty("brute.form", "IN_MEMORY"));
  /** Stored rows per segment start, in stored order (time, then dimension values). */
  public static final TreeMap<Long, List<StoredRow>> SEGMENTS = new TreeMap<>();

  static {
    List<InputRow> rows = randomRows(new Random(4242), 2500);
    SeedData.announce(REGISTRY, DS, Granularities.HOUR, FORM.of(SeedData.indexBySegment(rows, Granularities.HOUR,
        BruteData::schema), Granularities.HOUR, persistDir()), VERSION);
    rollup(rows);
  }

  private BruteData() {}

  /** A rolled-up row: minute time, each dimension's stored values ([null] for null) and metrics. */
  public record StoredRow(long time, Map<String, List<String>> dims, Map<String, Object> metrics) {
    /** A dimension's or metric's value as a single object (metric value, Long for n, String or List). */
    public List<String> values(String column) {
      List<String> v = dims.get(column);
      return v != null ? v : Arrays.asList((String) null);
    }
  }

  static IncrementalIndexSchema schema(long start) {
    DimensionsSpec dims = new DimensionsSpec(List.of(DimensionSchema.of("user"), DimensionSchema.of("url"),
        DimensionSchema.of("tags"), new DimensionSchema("n", "long", null, null)), null, null, null);
    return IncrementalIndexSchema.builder().minTimestamp(start).queryGranularity(Granularities.MINUTE)
        .dimensionsSpec(dims)
        .metrics(new CountAggregatorFactory("rows"), new LongSumAggregatorFactory("lsum", "lv", null),
            new LongMaxAggregatorFactory("lmax", "lv", null), new DoubleSumAggregatorFactory("dsum", "dv", null),
            new DoubleMinAggregatorFactory("dmin", "dv", null))
        .rollup(true).build();
  }

  static List<InputRow> randomRows(Random random, int count) {
    String[] users = {"u0", "u1", "u2", "u3", "u10", "U1", "", null, "missing"};
    String[] urls = {"/a", "/b", "/c", "/a/b"};
    String[] tags = {"x", "y", "z", "X"};
    List<InputRow> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int second;
      do {
        second = random.nextInt(3 * 3600);
      } while (second >= 3600 + 600 && second < 3600 + 1500 || (second / 60) % 7 == 3 && random.nextInt(4) > 0);
      long time = START + second * 1000L + random.nextInt(1000);
      Map<String, Object> event = new HashMap<>();
      String user = users[random.nextInt(users.length)];
      if (!"missing".equals(user)) {
        event.put("user", user);
      }
      event.put("url", urls[random.nextInt(urls.length)]);
      int kind = random.nextInt(8);
      if (kind == 0) {
        event.put("tags", Arrays.asList("x", null));
      } else if (kind < 7) {
        List<String> t = new ArrayList<>();
        for (int k = random.nextInt(4); k > 0; k--) {
          t.add(tags[random.nextInt(tags.length)]);
        }
        event.put("tags", t);
      }
      int n = random.nextInt(7);
      if (n < 6) {
        event.put("n", n == 0 ? null : (Object) n);
      }
      if (random.nextInt(5) > 0) {
        event.put("lv", random.nextInt(100) - 20);
      }
      event.put("dv", Math.round(random.nextDouble() * 10000) / 100.0);
      rows.add(new MapBasedInputRow(time, List.copyOf(event.keySet()), event));
    }
    return rows;
  }

  private static void rollup(List<InputRow> rows) {
    Map<List<Object>, StoredRow> byKey = new LinkedHashMap<>();
    List<InputRow> ordered = new ArrayList<>(rows);
    for (InputRow row : ordered) {
      long minute = row.getTimestampFromEpoch() / 60_000L * 60_000L;
      Map<String, List<String>> values = new LinkedHashMap<>();
      DIMS.forEach(d -> values.put(d, storedValues(d, row.getRaw(d))));
      List<Object> key = new ArrayList<>(List.of(minute));
      key.addAll(values.values());
      StoredRow stored = byKey.get(key);
      if (stored == null) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("rows", 0L);
        METRICS.forEach(m -> metrics.putIfAbsent(m, null));
        stored = new StoredRow(minute, values, metrics);
        byKey.put(key, stored);
        SEGMENTS.computeIfAbsent(minute / HOUR * HOUR, k -> new ArrayList<>()).add(stored);
      }
      Map<String, Object> m = stored.metrics();
      m.put("rows", (Long) m.get("rows") + 1);
      Object lv = row.getRaw("lv");
      if (lv != null) {
        long v = ((Number) lv).longValue();
        m.put("lsum", m.get("lsum") == null ? v : (Long) m.get("lsum") + v);
        m.put("lmax", m.get("lmax") == null ? v : Math.max((Long) m.get("lmax"), v));
      }
      double dv = ((Number) row.getRaw("dv")).doubleValue();
      m.put("dsum", m.get("dsum") == null ? dv : (Double) m.get("dsum") + dv);
      m.put("dmin", m.get("dmin") == null ? dv : Math.min((Double) m.get("dmin"), dv));
    }
    SEGMENTS.values().forEach(list -> list.sort(storedOrder(Comparator.nullsFirst(Comparator.naturalOrder()))));
  }

  /** Time, then each dimension: n numerically, strings value by value with {@code strings}, then by count. */
  private static Comparator<StoredRow> storedOrder(Comparator<String> strings) {
    Comparator<StoredRow> order = Comparator.comparingLong(StoredRow::time);
    for (String dim : DIMS) {
      order = order.thenComparing((a, b) -> dim.equals("n")
          ? Comparator.nullsFirst(Comparator.<Long>naturalOrder()).compare(asLong(a.values(dim).get(0)),
              asLong(b.values(dim).get(0)))
          : compareLists(a.values(dim), b.values(dim), strings));
    }
    return order;
  }

  private static Long asLong(String v) {
    return v == null ? null : Long.valueOf(v);
  }

  private static int compareLists(List<String> a, List<String> b, Comparator<String> strings) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = strings.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /**
   * A new folder for persisted segments under the module's {@code target} (surefire runs in the
   * module folder), deleted when the JVM exits if it can be; null in memory.
   */
  private static Path persistDir() {
    if (FORM != SeedData.Form.PERSISTED) {
      return null;
    }
    try {
      Path target = Files.createDirectories(Path.of("target"));
      Path dir = Files.createTempDirectory(target, "brute-persisted");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try (Stream<Path> paths = Files.walk(dir)) {
          paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
          // best effort
        }
      }));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A raw value as the stored values of a dimension. */
  private static List<String> storedValues(String dim, Object raw) {
    if (raw == null || (raw instanceof List<?> l && l.isEmpty())) {
      return Arrays.asList((String) null);
    }
    if (dim.equals("n")) {
      return List.of(String.valueOf(((Number) raw).longValue()));
    }
    if (raw instanceof List<?> list) {
      List<String> out = new ArrayList<>();
      list.forEach(v -> out.add(v == null ? null : v.toString()));
      out.sort(Comparator.nullsFirst(Comparator.naturalOrder()));
      return out;
    }
    return List.of(raw.toString());
  }
}
