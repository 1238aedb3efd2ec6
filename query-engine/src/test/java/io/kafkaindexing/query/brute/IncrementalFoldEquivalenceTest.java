package io.kafkaindexing.query.brute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.query.Query;
import io.kafkaindexing.query.QueryExecutor;
import io.kafkaindexing.query.SeedData;
import io.kafkaindexing.query.SegmentRegistry;
import io.kafkaindexing.segment.aggregation.AggregatorFactory;
import io.kafkaindexing.segment.aggregation.CountAggregatorFactory;
import io.kafkaindexing.segment.aggregation.DoubleSumAggregatorFactory;
import io.kafkaindexing.segment.aggregation.LongSumAggregatorFactory;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.incremental.IncrementalIndex;
import io.kafkaindexing.segment.incremental.IncrementalIndexSchema;
import io.kafkaindexing.segment.read.SegmentView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Timeseries over in-memory indexes without a filter, folded by the index's metric folder, against
 * the cursor path (taken when the query has a virtual column, here an unused one) on random
 * queries: rolled-up and not rolled-up indexes (equal times in arrival order, so double sums
 * depend on the order), nulls in metrics, every simple numeric aggregator over stored metrics,
 * count, sub-intervals, every granularity, descending, limits, skipped empty buckets. Answers
 * must be the same JSON text, bit for bit.
 */
class IncrementalFoldEquivalenceTest {
  private static final String[] GRANULARITIES = {"all", "second", "minute", "fifteen_minute", "thirty_minute",
      "hour", "day", "week", "month", "year"};
  private static final String[] METRICS = {"rows", "lsum", "lmax", "dsum", "dmin"};
  private static final String[] TYPES = {"longSum", "longMin", "longMax", "doubleSum", "doubleMin", "doubleMax",
      "floatSum", "floatMin", "floatMax"};
  private static final String[] INTERVALS = {
      "\"2018-03-06/2018-03-07\"",
      "\"2018-03-06T09:30/2018-03-06T10:05\",\"2018-03-06T11:40/2018-03-06T13\"",
      "\"2018-03-06T10:08:30.250/2018-03-06T10:31:00.001\"",
      "\"2018-03-07/2018-03-08\"",
  };
  private static final String UNUSED_VIRTUAL_COLUMN =
      ",\"virtualColumns\":[{\"type\":\"expression\",\"name\":\"unused\",\"expression\":\"1\"}]";

  private static SegmentRegistry registry;
  private static Map<Long, IncrementalIndex> rolledUp;

  @BeforeAll
  static void index() {
    List<io.kafkaindexing.segment.row.InputRow> rows = BruteData.randomRows(new Random(20261127), 5000);
    rolledUp = SeedData.indexBySegment(rows, Granularities.HOUR, BruteData::schema);
    Map<Long, IncrementalIndex> plain = SeedData.indexBySegment(rows, Granularities.HOUR,
        start -> {
          IncrementalIndexSchema s = BruteData.schema(start);
          return IncrementalIndexSchema.builder().minTimestamp(start).queryGranularity(Granularities.MINUTE)
              .dimensionsSpec(s.getDimensionsSpec()).metrics(s.getMetrics()).rollup(false).build();
        });
    registry = new SegmentRegistry();
    SeedData.announce(registry, "rolledUp", Granularities.HOUR, rolledUp);
    SeedData.announce(registry, "plain", Granularities.HOUR, plain);
  }

  @Test
  void foldsGiveTheCursorPathsAnswers() throws Exception {
    Random random = new Random(7);
    for (int q = 0; q < 400; q++) {
      String query = randomTimeseries(random, q % 2 == 0 ? "rolledUp" : "plain");
      String folded = answer(query + "}");
      String general = answer(query + UNUSED_VIRTUAL_COLUMN + "}");
      assertEquals(general, folded, query);
    }
  }

  @Test
  void foldersAreOfferedForStoredMetricsOnly() {
    IncrementalIndex index = rolledUp.values().iterator().next();
    Interval all = new Interval(0, Long.MAX_VALUE / 2, DateTimeZone.UTC);
    List<AggregatorFactory> stored = List.of(new CountAggregatorFactory("c"),
        new LongSumAggregatorFactory("a", "lsum", null), new DoubleSumAggregatorFactory("b", "dsum", null));
    try (SegmentView view = index.open()) {
      assertNotNull(view.metricFolder(all, stored));
      assertNull(view.metricFolder(all, List.of(new LongSumAggregatorFactory("a", "n", null))), "a dimension");
      assertNull(view.metricFolder(all, List.of(new LongSumAggregatorFactory("a", "__time", null))), "the time");
      assertNull(view.metricFolder(all, List.of(new LongSumAggregatorFactory("a", "absent", null))), "absent");
    }
  }

  private static String answer(String json) throws Exception {
    Query query = JsonBodies.read(Brute.MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
    return Brute.MAPPER.writeValueAsString(new QueryExecutor(registry).run(query));
  }

  /** A timeseries query without its closing brace. */
  private static String randomTimeseries(Random random, String dataSource) {
    List<String> aggs = new ArrayList<>();
    int n = 1 + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      String name = "a" + i;
      if (random.nextInt(6) == 0) {
        aggs.add("{\"type\":\"count\",\"name\":\"" + name + "\"}");
      } else {
        aggs.add("{\"type\":\"" + TYPES[random.nextInt(TYPES.length)] + "\",\"name\":\"" + name
            + "\",\"fieldName\":\"" + METRICS[random.nextInt(METRICS.length)] + "\"}");
      }
    }
    return "{\"queryType\":\"timeseries\",\"dataSource\":\"" + dataSource + "\",\"intervals\":["
        + INTERVALS[random.nextInt(INTERVALS.length)] + "],\"aggregations\":[" + String.join(",", aggs) + "]"
        + ",\"granularity\":\"" + GRANULARITIES[random.nextInt(GRANULARITIES.length)] + "\""
        + (random.nextBoolean() ? ",\"descending\":true" : "")
        + (random.nextInt(3) == 0 ? ",\"limit\":" + (1 + random.nextInt(5)) : "")
        + (random.nextBoolean() ? ",\"context\":{\"skipEmptyBuckets\":true}" : "");
  }
}
