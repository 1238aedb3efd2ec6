package io.kafkaindexing.query.brute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.query.Query;
import io.kafkaindexing.query.QueryExecutor;
import io.kafkaindexing.query.SeedData;
import io.kafkaindexing.query.SegmentRegistry;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.persisted.DecodedColumnCache;
import io.kafkaindexing.segment.read.Segment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vectorized kernels ({@code ArrayKernels}: timeseries, topN and single-dimension groupBy over
 * decoded column arrays of persisted segments) against the general row-at-a-time path on random
 * queries over random persisted segments: nulls in metrics and in a long dimension, a multi-value
 * dimension (in filters, and as a grouping dimension, which the kernels leave to the general path),
 * filters the indexes answer and filters they do not, sub-intervals, every granularity, every
 * simple numeric aggregator over long and double columns. The general path runs with the
 * decoded-column cache disabled (then segments offer no arrays); answers must be the same JSON
 * text, bit for bit, and most queries must have taken the kernels.
 */
class ArrayKernelsEquivalenceTest {
  private static final String DS = "kernels";
  /** Every granularity but {@code none} (a bucket per millisecond: millions of empty buckets per segment). */
  private static final String[] GRANULARITIES = {"all", "second", "minute", "fifteen_minute", "thirty_minute",
      "hour", "day", "week", "month", "year"};
  private static final String[] COLUMNS = {"rows", "lsum", "lmax", "dsum", "dmin", "n", "missing", "user"};
  private static final String[] TYPES = {"longSum", "longMin", "longMax", "doubleSum", "doubleMin", "doubleMax",
      "floatSum", "floatMin", "floatMax"};
  private static final String[] FILTERS = {
      null,
      "{\"type\":\"selector\",\"dimension\":\"user\",\"value\":\"u1\"}",
      "{\"type\":\"selector\",\"dimension\":\"user\",\"value\":null}",
      "{\"type\":\"in\",\"dimension\":\"tags\",\"values\":[\"x\",\"z\"]}",
      "{\"type\":\"not\",\"field\":{\"type\":\"in\",\"dimension\":\"tags\",\"values\":[\"x\",\"y\"]}}",
      "{\"type\":\"and\",\"fields\":[{\"type\":\"selector\",\"dimension\":\"url\",\"value\":\"/a\"},"
          + "{\"type\":\"not\",\"field\":{\"type\":\"selector\",\"dimension\":\"user\",\"value\":\"u2\"}}]}",
      "{\"type\":\"or\",\"fields\":[{\"type\":\"selector\",\"dimension\":\"url\",\"value\":\"/b\"},"
          + "{\"type\":\"selector\",\"dimension\":\"tags\",\"value\":\"y\"}]}",
      "{\"type\":\"bound\",\"dimension\":\"user\",\"lower\":\"u1\",\"upper\":\"u3\"}",
      "{\"type\":\"selector\",\"dimension\":\"n\",\"value\":\"3\"}",
      "{\"type\":\"selector\",\"dimension\":\"user\",\"value\":\"nobody\"}",
  };
  private static final String[] INTERVALS = {
      "\"2018-03-06/2018-03-07\"",
      "\"2018-03-06T09:30/2018-03-06T10:05\",\"2018-03-06T11:40/2018-03-06T13\"",
      "\"2018-03-06T10:08:30.250/2018-03-06T10:31:00.001\"",
      "\"2018-03-07/2018-03-08\"",
  };

  @TempDir
  static Path dir;
  private static SegmentRegistry registry;

  @BeforeAll
  static void persist() {
    Map<Long, Segment> segments = SeedData.Form.PERSISTED.of(SeedData.indexBySegment(
        BruteData.randomRows(new Random(20261126), 4000), Granularities.HOUR, BruteData::schema), Granularities.HOUR, dir);
    registry = new SegmentRegistry();
    SeedData.announce(registry, DS, Granularities.HOUR, segments);
  }

  @AfterAll
  static void restore() {
    DecodedColumnCache.get().setCapacityBytes(DecodedColumnCache.DEFAULT_CAPACITY_BYTES);
  }

  @Test
  void kernelsGiveTheGeneralPathsAnswers() throws Exception {
    Random random = new Random(6);
    int viaKernels = 0;
    int queries = 300;
    for (int q = 0; q < queries; q++) {
      String json = randomQuery(random);
      DecodedColumnCache.get().setCapacityBytes(0);
      String general = answer(json);
      DecodedColumnCache.get().setCapacityBytes(DecodedColumnCache.DEFAULT_CAPACITY_BYTES);
      long hitsBefore = DecodedColumnCache.get().stats()[0] + DecodedColumnCache.get().stats()[1];
      String fast = answer(json);
      if (DecodedColumnCache.get().stats()[0] + DecodedColumnCache.get().stats()[1] > hitsBefore) {
        viaKernels++;
      }
      assertEquals(general, fast, json);
    }
    // the rest: multi-value or numeric grouping dimensions, groupBy by time, filters on the long
    // dimension (no index), aggregators over absent or string columns
    assertTrue(viaKernels > queries / 3, "only " + viaKernels + " of " + queries + " queries took the kernels");
  }

  private static String answer(String json) throws Exception {
    Query query = JsonBodies.read(Brute.MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
    return Brute.MAPPER.writeValueAsString(new QueryExecutor(registry).run(query));
  }

  private static String randomQuery(Random random) {
    List<String> aggs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    int n = 1 + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      String name = "a" + i;
      names.add(name);
      if (random.nextInt(6) == 0) {
        aggs.add("{\"type\":\"count\",\"name\":\"" + name + "\"}");
      } else {
        // mostly numeric columns; sometimes an absent or string column, which the kernels refuse
        String column = COLUMNS[random.nextInt(random.nextInt(10) == 0 ? COLUMNS.length : COLUMNS.length - 2)];
        aggs.add("{\"type\":\"" + TYPES[random.nextInt(TYPES.length)] + "\",\"name\":\"" + name
            + "\",\"fieldName\":\"" + column + "\"}");
      }
    }
    String filter = FILTERS[random.nextInt(FILTERS.length)];
    String granularity = GRANULARITIES[random.nextInt(GRANULARITIES.length)];
    String common = "\"dataSource\":\"" + DS + "\",\"intervals\":[" + INTERVALS[random.nextInt(INTERVALS.length)]
        + "],\"aggregations\":[" + String.join(",", aggs) + "]" + (filter == null ? "" : ",\"filter\":" + filter);
    String dimension = new String[] {"user", "url", "user", "url", "user", "tags", "n"}[random.nextInt(7)];
    return switch (random.nextInt(3)) {
      case 0 -> "{\"queryType\":\"timeseries\"," + common + ",\"granularity\":\"" + granularity + "\""
          + (random.nextBoolean() ? ",\"descending\":true" : "")
          + (random.nextInt(3) == 0 ? ",\"limit\":" + (1 + random.nextInt(5)) : "")
          + (random.nextBoolean() ? ",\"context\":{\"skipEmptyBuckets\":true}" : "") + "}";
      case 1 -> "{\"queryType\":\"topN\"," + common + ",\"granularity\":\""
          + (random.nextBoolean() ? "all" : granularity) + "\",\"dimension\":\"" + dimension + "\",\"threshold\":"
          + (1 + random.nextInt(4)) + ",\"metric\":" + (random.nextInt(4) == 0 ? "{\"type\":\"dimension\"}"
              : "\"" + names.get(random.nextInt(names.size())) + "\"")
          + ",\"context\":{\"minTopNThreshold\":" + (1 + random.nextInt(3)) + "}}";
      default -> "{\"queryType\":\"groupBy\"," + common + ",\"granularity\":\""
          + (random.nextInt(4) > 0 ? "all" : granularity) + "\",\"dimensions\":[\"" + dimension + "\"]}";
    };
  }
}
