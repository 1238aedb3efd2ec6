package io.kafkaindexing.query.brute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.query.Query;
import io.kafkaindexing.query.QueryExecutor;
import io.kafkaindexing.query.SeedData;
import io.kafkaindexing.query.SegmentRegistry;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.persisted.DecodedColumnCache;
import io.kafkaindexing.segment.read.Segment;
import io.kafkaindexing.segment.row.InputRow;
import io.kafkaindexing.segment.row.MapBasedInputRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Timeseries sums over row ranges taken from block sums ({@code BlockSums}) against the general
 * row-at-a-time path, on hourly persisted segments of several blocks: whole-number doubles (block
 * sums), fractional doubles and doubles too large to sum exactly in any order (sequential fold),
 * longs that wrap around, null rows; ranges cut anywhere by sub-intervals and granularities. The
 * answers must be the same JSON text.
 */
class TimeseriesBlockSumsTest {
  private static final String DS = "blocks";
  private static final String[] GRANULARITIES = {"all", "minute", "fifteen_minute", "hour", "day"};
  private static final String[] INTERVALS = {
      "\"2018-03-06/2018-03-07\"",
      "\"2018-03-06T09:00:00.001/2018-03-06T09:59:59.999\"",
      "\"2018-03-06T09:17:03/2018-03-06T10:41:07\",\"2018-03-06T11:02/2018-03-06T12:30\"",
      "\"2018-03-06T12:10/2018-03-06T12:10:30\"",
  };

  @TempDir
  static Path dir;
  private static SegmentRegistry registry;

  @BeforeAll
  static void persist() {
    Random random = new Random(99);
    List<InputRow> rows = new ArrayList<>();
    for (int hour = 0; hour < 4; hour++) {
      for (int i = 0; i < 3000; i++) {
        Map<String, Object> event = new HashMap<>();
        event.put("user", "u" + i);
        event.put("url", "/" + random.nextInt(5));
        switch (hour) {
          case 0 -> { // whole numbers: block sums for lsum, dsum and doubles of the long columns
            event.put("lv", random.nextInt(2000) - 1000);
            event.put("dv", (double) (random.nextInt(1000) + 1));
          }
          case 1 -> { // fractional doubles: sequential
            event.put("lv", random.nextInt(100));
            event.put("dv", random.nextDouble() * 1000);
          }
          case 2 -> { // longs that wrap; as doubles too large to sum exactly
            event.put("lv", random.nextLong());
            event.put("dv", i % 2 == 0 ? 0x1p52 : -0x1p52 + random.nextInt(3));
          }
          default -> { // some null rows
            if (random.nextInt(10) > 0) {
              event.put("lv", random.nextInt(100));
            }
            event.put("dv", (double) random.nextInt(10));
          }
        }
        long time = BruteData.START + hour * 3_600_000L + random.nextInt(3_600_000);
        rows.add(new MapBasedInputRow(time, List.copyOf(event.keySet()), event));
      }
    }
    Map<Long, Segment> segments = SeedData.Form.PERSISTED.of(SeedData.indexBySegment(rows, Granularities.HOUR,
        BruteData::schema), Granularities.HOUR, dir);
    registry = new SegmentRegistry();
    SeedData.announce(registry, DS, Granularities.HOUR, segments);
  }

  @AfterAll
  static void restore() {
    DecodedColumnCache.get().setCapacityBytes(DecodedColumnCache.DEFAULT_CAPACITY_BYTES);
  }

  @Test
  void rangeSumsFromBlocksGiveTheGeneralPathsAnswers() throws Exception {
    String aggregations = "\"aggregations\":[{\"type\":\"longSum\",\"name\":\"a\",\"fieldName\":\"lsum\"},"
        + "{\"type\":\"doubleSum\",\"name\":\"b\",\"fieldName\":\"dsum\"},"
        + "{\"type\":\"doubleSum\",\"name\":\"c\",\"fieldName\":\"lsum\"},"
        + "{\"type\":\"longSum\",\"name\":\"d\",\"fieldName\":\"rows\"},"
        + "{\"type\":\"doubleSum\",\"name\":\"e\",\"fieldName\":\"rows\"},"
        + "{\"type\":\"count\",\"name\":\"f\"}]";
    for (String granularity : GRANULARITIES) {
      for (String intervals : INTERVALS) {
        for (boolean descending : new boolean[] {false, true}) {
          String json = "{\"queryType\":\"timeseries\",\"dataSource\":\"" + DS + "\",\"granularity\":\""
              + granularity + "\",\"descending\":" + descending + "," + aggregations + ",\"intervals\":["
              + intervals + "]}";
          DecodedColumnCache.get().setCapacityBytes(0);
          String general = answer(json);
          DecodedColumnCache.get().setCapacityBytes(DecodedColumnCache.DEFAULT_CAPACITY_BYTES);
          assertEquals(general, answer(json), json);
          // again, with the block sums cached
          assertEquals(general, answer(json), json);
        }
      }
    }
  }

  @Test
  void sumsOverWholeSegmentsDecodeNoColumnOnceTheBlockSumsAreKnown() throws Exception {
    // the first hour holds whole numbers only: block sums for both columns
    String json = "{\"queryType\":\"timeseries\",\"dataSource\":\"" + DS + "\",\"granularity\":\"hour\","
        + "\"aggregations\":[{\"type\":\"longSum\",\"name\":\"a\",\"fieldName\":\"lsum\"},"
        + "{\"type\":\"doubleSum\",\"name\":\"b\",\"fieldName\":\"dsum\"},{\"type\":\"count\",\"name\":\"f\"}],"
        + "\"intervals\":[\"2018-03-06T09:00/2018-03-06T10:00\"]}";
    String first = answer(json);
    DecodedColumnCache.get().clear();
    assertEquals(first, answer(json));
    assertEquals(0, DecodedColumnCache.get().sizeBytes(), "no column decoded for sums of whole segments");
  }

  private static String answer(String json) throws Exception {
    Query query = JsonBodies.read(Brute.MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
    return Brute.MAPPER.writeValueAsString(new QueryExecutor(registry).run(query));
  }
}
