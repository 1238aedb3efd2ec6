package io.kafkaindexing.query.filter;

import io.kafkaindexing.query.SeedData;
import io.kafkaindexing.query.SegmentRegistry;
import io.kafkaindexing.segment.aggregation.CountAggregatorFactory;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.incremental.IncrementalIndex;
import io.kafkaindexing.segment.incremental.IncrementalIndexSchema;
import io.kafkaindexing.segment.row.InputRow;
import io.kafkaindexing.segment.row.MapBasedInputRow;
import io.kafkaindexing.segment.spec.DimensionSchema;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/**
 * Random rows for filter tests, kept as raw events so expected answers are computed from them:
 * two hourly segments from 2018-03-06T09:00Z, no rollup, no time truncation. String dimensions
 * {@code s} and {@code s2} (with numbers as text, LIKE wildcards, empty, null and missing values),
 * {@code ms} (epoch millis as text, sometimes not a number), multi-value {@code tags} (with null
 * elements and empty lists), long {@code n} and double {@code d} (both nullable); metric
 * {@code rows} (count). Stateless after class initialisation.
 */
public final class FilterTestData {
  public static final String DS = "filters";
  public static final long START = new DateTime("2018-03-06T09:00:00Z", DateTimeZone.UTC).getMillis();
  public static final long HOUR = 3_600_000L;
  public static final List<String> STRINGS = List.of("s", "s2", "ms", "tags");
  public static final List<String> NUMBERS = List.of("n", "d");

  private static final String[] S = {"a", "b", "ab", "abc", "Abc", "a_b", "a%b", "a\\b", "1", "10", "2", "2.5",
      "-3", "007", "", null, "MISSING"};
  private static final String[] S2 = {"a", "b", "ABC", "abc", "1", "", null, "MISSING"};
  private static final Long[] N = {null, -5L, 0L, 1L, 2L, 3L, 10L, 100L, -1L};
  private static final Double[] D = {null, -1.5, 0.0, 1.0, 2.5, 3.25, 10.0};
  private static final List<List<String>> TAGS = List.of(List.of(), List.of("x"), List.of("x", "y"),
      Arrays.asList("x", null), List.of("y", "z", "Z"), List.of("1", "10"), List.of("abc"));

  /** The raw events, {@code __time} included as a Long. */
  public static final List<Map<String, Object>> EVENTS = new ArrayList<>();
  /** One in-memory index per hour. */
  public static final Map<Long, IncrementalIndex> INDEXES;

  static {
    Random random = new Random(20261126);
    List<InputRow> rows = new ArrayList<>();
    for (int i = 0; i < 700; i++) {
      Map<String, Object> event = event(random);
      EVENTS.add(event);
      Map<String, Object> raw = new HashMap<>(event);
      long time = (Long) raw.remove("__time");
      rows.add(new MapBasedInputRow(time, List.copyOf(raw.keySet()), raw));
    }
    INDEXES = SeedData.indexBySegment(rows, Granularities.HOUR, FilterTestData::schema);
  }

  private FilterTestData() {}

  /** A registry serving the rows in {@code form} (persisted segments are written under {@code tmp}). */
  public static SegmentRegistry registry(SeedData.Form form, Path tmp) {
    SegmentRegistry registry = new SegmentRegistry();
    SeedData.announce(registry, DS, Granularities.HOUR, form.of(INDEXES, Granularities.HOUR, tmp));
    return registry;
  }

  private static IncrementalIndexSchema schema(long start) {
    DimensionsSpec dims = new DimensionsSpec(List.of(DimensionSchema.of("s"), DimensionSchema.of("s2"),
        DimensionSchema.of("ms"), DimensionSchema.of("tags"), new DimensionSchema("n", "long", null, null),
        new DimensionSchema("d", "double", null, null)), null, null, null);
    return IncrementalIndexSchema.builder().minTimestamp(start).queryGranularity(Granularities.NONE)
        .dimensionsSpec(dims).metrics(new CountAggregatorFactory("rows")).rollup(false).build();
  }

  private static Map<String, Object> event(Random random) {
    Map<String, Object> e = new HashMap<>();
    long time = START + (long) random.nextInt((int) (2 * HOUR));
    e.put("__time", time);
    putUnlessMissing(e, "s", S[random.nextInt(S.length)]);
    putUnlessMissing(e, "s2", S2[random.nextInt(S2.length)]);
    int ms = random.nextInt(6);
    if (ms < 4) {
      e.put("ms", String.valueOf(START + (long) random.nextInt((int) (3 * HOUR)) - HOUR / 2));
    } else if (ms == 4) {
      e.put("ms", "abc");
    }
    int tags = random.nextInt(TAGS.size() + 1);
    if (tags < TAGS.size()) {
      e.put("tags", new ArrayList<>(TAGS.get(tags)));
    }
    int n = random.nextInt(N.length + 1);
    if (n < N.length) {
      e.put("n", N[n]);
    }
    e.put("d", D[random.nextInt(D.length)]);
    return e;
  }

  private static void putUnlessMissing(Map<String, Object> e, String key, String value) {
    if (!"MISSING".equals(value)) {
      e.put(key, value);
    }
  }

  /** A string dimension's stored values for an event: [null] for null, missing or an empty list. */
  public static List<String> strings(Map<String, Object> event, String column) {
    Object raw = event.get(column);
    if (raw == null || raw instanceof List<?> l && l.isEmpty()) {
      return Arrays.asList((String) null);
    }
    if (raw instanceof List<?> list) {
      List<String> out = new ArrayList<>();
      list.forEach(v -> out.add(v == null ? null : v.toString()));
      return out;
    }
    return List.of(raw.toString());
  }

  /** A numeric column's value for an event ({@code __time}, {@code n}, {@code d}); null when null. */
  public static Number number(Map<String, Object> event, String column) {
    return (Number) event.get(column);
  }
}
