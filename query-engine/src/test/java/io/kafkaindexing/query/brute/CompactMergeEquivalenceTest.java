package io.kafkaindexing.query.brute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.query.Query;
import io.kafkaindexing.query.QueryDeadline;
import io.kafkaindexing.query.QueryExecutor;
import io.kafkaindexing.query.QuerySegment;
import io.kafkaindexing.query.Result;
import io.kafkaindexing.query.SeedData;
import io.kafkaindexing.query.SegmentRegistry;
import io.kafkaindexing.query.groupby.GroupByQuery;
import io.kafkaindexing.query.groupby.GroupByToolkit;
import io.kafkaindexing.query.timeline.TimelineEntry;
import io.kafkaindexing.query.topn.TopNQuery;
import io.kafkaindexing.query.topn.TopNToolkit;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.incremental.IncrementalIndex;
import io.kafkaindexing.segment.persisted.DecodedColumnCache;
import io.kafkaindexing.segment.read.Segment;
import io.kafkaindexing.segment.read.SegmentView;
import io.kafkaindexing.segment.row.InputRow;
import io.kafkaindexing.segment.row.MapBasedInputRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compact topN and groupBy partials of the array kernels and their merges on primitives
 * ({@code TopNArrayMerge}, {@code GroupByArrayMerge}) against the map path, on random queries over
 * 24 hourly persisted segments whose top values change from hour to hour (so that values drop out
 * of the running top and come back), with many ties in the metrics, null metrics (a column missing
 * in some rows) and null and empty dimension values: (1) the whole query with the decoded-column
 * cache off (map partials) and on; (2) with half of the segments in memory, so that compact and map
 * partials meet in one merge (which then reads the compact ones as maps); (3) the merge alone, of the
 * same per-segment partials as they are and copied into plain lists. Answers must be the same JSON.
 */
class CompactMergeEquivalenceTest {
  private static final String DS = "compact";
  private static final String[] COLUMNS = {"rows", "lsum", "lmax", "dsum", "dmin"};
  private static final String[] TYPES = {"longSum", "longMin", "longMax", "doubleSum", "doubleMin", "doubleMax",
      "floatSum", "floatMin", "floatMax"};
  private static final String[] GRANULARITIES = {"all", "all", "all", "day", "hour", "six_hour"};
  private static final String[] INTERVALS = {"\"2018-03-06/2018-03-07\"", "\"2018-03-06T03:30/2018-03-06T20:10\""};

  @TempDir
  static Path dir;
  private static SegmentRegistry persisted;
  private static SegmentRegistry mixed;

  @BeforeAll
  static void segments() {
    List<InputRow> rows = rows(new Random(20261126), 24 * 500);
    Map<Long, IncrementalIndex> indexes = SeedData.indexBySegment(rows, Granularities.HOUR, BruteData::schema);
    Map<Long, Segment> onDisk = SeedData.Form.PERSISTED.of(indexes, Granularities.HOUR, dir);
    persisted = new SegmentRegistry();
    SeedData.announce(persisted, DS, Granularities.HOUR, onDisk);
    Map<Long, Segment> half = new TreeMap<>();
    int h = 0;
    for (Map.Entry<Long, Segment> e : onDisk.entrySet()) {
      half.put(e.getKey(), h++ % 2 == 0 ? e.getValue() : SeedData.indexBySegment(rows.stream()
          .filter(r -> Granularities.HOUR.bucketStart(r.getTimestampFromEpoch()) == e.getKey()).toList(),
          Granularities.HOUR, BruteData::schema).get(e.getKey()));
    }
    mixed = new SegmentRegistry();
    SeedData.announce(mixed, DS, Granularities.HOUR, half);
  }

  @AfterAll
  static void restore() {
    DecodedColumnCache.get().setCapacityBytes(DecodedColumnCache.DEFAULT_CAPACITY_BYTES);
  }

  /** Users drawn with a skew that moves each hour; ~8 rows a minute, so counts tie often. */
  private static List<InputRow> rows(Random random, int count) {
    List<InputRow> out = new ArrayList<>();
    long start = BruteData.START - 9 * BruteData.HOUR;
    for (int i = 0; i < count; i++) {
      long time = start + (long) i * 24 * BruteData.HOUR / count;
      int hour = (int) ((time - start) / BruteData.HOUR);
      Map<String, Object> event = new HashMap<>();
      int u = (int) Math.abs(random.nextGaussian() * 25) + hour * 7 % 60;
      if (random.nextInt(40) > 0) {
        event.put("user", u % 97 == 5 ? "" : "user" + u);
      }
      if (random.nextInt(30) > 0) {
        event.put("url", "/p" + random.nextInt(40 + hour));
      }
      if (random.nextInt(4) > 0) {
        event.put("lv", random.nextInt(9) - 2);
      }
      event.put("dv", random.nextInt(6) / 2.0);
      out.add(new MapBasedInputRow(time, List.copyOf(event.keySet()), event));
    }
    return out;
  }

  private static String randomQuery(Random random) {
    List<String> aggs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      String name = "a" + i;
      names.add(name);
      aggs.add(random.nextInt(5) == 0 ? "{\"type\":\"count\",\"name\":\"" + name + "\"}"
          : "{\"type\":\"" + TYPES[random.nextInt(TYPES.length)] + "\",\"name\":\"" + name + "\",\"fieldName\":\""
              + COLUMNS[random.nextInt(COLUMNS.length)] + "\"}");
    }
    String post = random.nextInt(4) > 0 ? "" : ",\"postAggregations\":[{\"type\":\"arithmetic\",\"name\":\"p\","
        + "\"fn\":\"+\",\"fields\":[{\"type\":\"fieldAccess\",\"fieldName\":\"a0\"},{\"type\":\"constant\","
        + "\"value\":1}]}]";
    String filter = random.nextInt(5) > 0 ? "" : ",\"filter\":{\"type\":\"not\",\"field\":{\"type\":\"selector\","
        + "\"dimension\":\"url\",\"value\":\"/p3\"}}";
    String dimension = random.nextInt(3) > 0 ? "user" : "url";
    String common = "\"dataSource\":\"" + DS + "\",\"intervals\":[" + INTERVALS[random.nextInt(INTERVALS.length)]
        + "],\"aggregations\":[" + String.join(",", aggs) + "]" + post + filter;
    if (random.nextBoolean()) {
      String metric = random.nextInt(6) > 0 ? "\"" + names.get(random.nextInt(names.size())) + "\""
          : "{\"type\":\"dimension\"}";
      String context = random.nextInt(5) == 0 ? "" : ",\"context\":{\"minTopNThreshold\":" + (1 + random.nextInt(40)) + "}";
      return "{\"queryType\":\"topN\"," + common + ",\"granularity\":\"" + GRANULARITIES[random.nextInt(GRANULARITIES.length)]
          + "\",\"dimension\":\"" + dimension + "\",\"threshold\":" + (1 + random.nextInt(25)) + ",\"metric\":" + metric
          + context + "}";
    }
    String limit = switch (random.nextInt(4)) {
      case 0 -> "";
      case 1 -> ",\"limitSpec\":{\"type\":\"default\",\"limit\":" + (1 + random.nextInt(30)) + "}";
      case 2 -> ",\"limitSpec\":{\"type\":\"default\",\"limit\":" + (1 + random.nextInt(30)) + ",\"offset\":"
          + random.nextInt(20) + "}";
      default -> ",\"limitSpec\":{\"type\":\"default\",\"limit\":" + (1 + random.nextInt(30)) + ",\"columns\":"
          + "[{\"dimension\":\"a0\",\"direction\":\"descending\"}]}";
    };
    String having = random.nextInt(6) > 0 ? "" : ",\"having\":{\"type\":\"greaterThan\",\"aggregation\":\"a0\","
        + "\"value\":2}";
    return "{\"queryType\":\"groupBy\"," + common + ",\"granularity\":\"" + (random.nextInt(5) > 0 ? "all" : "hour")
        + "\",\"dimensions\":[\"" + dimension + "\"]" + limit + having + "}";
  }

  private static Query parse(String json) throws Exception {
    return JsonBodies.read(Brute.MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
  }

  private static String answer(SegmentRegistry registry, String json) throws Exception {
    return Brute.MAPPER.writeValueAsString(new QueryExecutor(registry).run(parse(json)));
  }

  @Test
  void compactPartialsGiveTheMapPathsAnswers() throws Exception {
    Random random = new Random(61);
    int compact = 0;
    for (int q = 0; q < 250; q++) {
      String json = randomQuery(random);
      DecodedColumnCache.get().setCapacityBytes(0);
      String maps = answer(persisted, json);
      DecodedColumnCache.get().setCapacityBytes(DecodedColumnCache.DEFAULT_CAPACITY_BYTES);
      assertEquals(maps, answer(persisted, json), json);
      assertEquals(maps, answer(mixed, json), "mixed partials: " + json);
      if (compactPartials(parse(json))) {
        compact++;
      }
    }
    assertTrue(compact > 100, "only " + compact + " of 250 queries had compact partials");
  }

  @Test
  void compactMergesGiveTheMapMergesAnswers() throws Exception {
    Random random = new Random(62);
    DecodedColumnCache.get().setCapacityBytes(DecodedColumnCache.DEFAULT_CAPACITY_BYTES);
    int compact = 0;
    for (int q = 0; q < 250; q++) {
      Query query = parse(randomQuery(random));
      List<Object> partials = partials(query);
      List<Object> copies = new ArrayList<>();
      for (Object p : partials) {
        copies.add(copy(p));
      }
      String direct = Brute.MAPPER.writeValueAsString(merge(query, partials));
      assertEquals(Brute.MAPPER.writeValueAsString(merge(query, copies)), direct, query.toString());
      if (compactPartials(query)) {
        compact++;
      }
    }
    assertTrue(compact > 100, "only " + compact + " of 250 queries had compact partials");
  }

  /**
   * A groupBy whose merge reads only the limit's window keeps the first {@code offset + limit}
   * groups per segment (so the equivalence above covers that cut); one ordered by an aggregate keeps
   * them all.
   */
  @Test
  void groupByPartialsKeepOnlyTheLimitsWindowWhenNothingElseReadsThem() throws Exception {
    DecodedColumnCache.get().setCapacityBytes(DecodedColumnCache.DEFAULT_CAPACITY_BYTES);
    String common = "{\"queryType\":\"groupBy\",\"dataSource\":\"" + DS + "\",\"intervals\":[" + INTERVALS[0]
        + "],\"granularity\":\"all\",\"dimensions\":[\"url\"],\"aggregations\":[{\"type\":\"longSum\","
        + "\"name\":\"a0\",\"fieldName\":\"lsum\"}],\"limitSpec\":{\"type\":\"default\",\"limit\":5,\"offset\":2";
    int cut = 0;
    for (Object p : partials(parse(common + "}}"))) {
      assertTrue(isCompact(p), "partial " + p.getClass());
      assertTrue(((List<?>) p).size() <= 7, "partial of " + ((List<?>) p).size() + " groups");
      cut += ((List<?>) p).size();
    }
    int all = 0;
    for (Object p : partials(parse(common + ",\"columns\":[{\"dimension\":\"a0\"}]}}"))) {
      all += ((List<?>) p).size();
    }
    assertTrue(all > 2 * cut, all + " groups when ordered by a0, " + cut + " when cut");
  }

  /** True when some segment gives compact partials (the kernels' lists, not plain ones). */
  private static boolean compactPartials(Query query) {
    for (Object p : partials(query)) {
      List<?> list = (List<?>) p;
      if (query instanceof TopNQuery) {
        for (Object r : list) {
          if (isCompact(((Result<?>) r).getValue())) {
            return true;
          }
        }
      } else if (isCompact(list)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isCompact(Object list) {
    String name = list.getClass().getSimpleName();
    return name.equals("CompactTopN") || name.equals("CompactGroupRows");
  }

  /** A partial as plain lists (so the merge takes the map path). */
  private static Object copy(Object partial) {
    List<?> list = (List<?>) partial;
    if (!list.isEmpty() && list.get(0) instanceof Result<?>) {
      List<Object> out = new ArrayList<>();
      for (Object r : list) {
        Result<?> result = (Result<?>) r;
        out.add(new Result<>(result.getTimestampMillis(), new ArrayList<>((List<?>) result.getValue())));
      }
      return out;
    }
    return new ArrayList<>(list);
  }

  private static List<Object> partials(Query query) {
    List<Object> out = new ArrayList<>();
    for (TimelineEntry entry : persisted.lookup(DS, query.getIntervals())) {
      try (SegmentView view = entry.segment().open()) {
        QuerySegment segment = new QuerySegment(entry.id(), view, entry.interval());
        out.add(query instanceof TopNQuery t ? new TopNToolkit().runOnSegment(t, segment, QueryDeadline.none())
            : new GroupByToolkit().runOnSegment((GroupByQuery) query, segment, QueryDeadline.none()));
      }
    }
    return out;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<?> merge(Query query, List<Object> partials) {
    return query instanceof TopNQuery t ? new TopNToolkit().merge(t, (List) partials)
        : new GroupByToolkit().merge((GroupByQuery) query, (List) partials);
  }
}
