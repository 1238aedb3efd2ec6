package io.kafkaindexing.query.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.query.Query;
import io.kafkaindexing.query.QueryExecutor;
import io.kafkaindexing.query.QueryTestMapper;
import io.kafkaindexing.query.Result;
import io.kafkaindexing.query.SeedData;
import io.kafkaindexing.query.SegmentRegistry;
import io.kafkaindexing.segment.aggregation.CountAggregatorFactory;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.incremental.IncrementalIndexSchema;
import io.kafkaindexing.segment.row.InputRow;
import io.kafkaindexing.segment.row.MapBasedInputRow;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.junit.jupiter.api.Test;

/** Limits (per segment and after merging) and merging rules on small hand-made segments. */
class SearchLimitAndMergeTest {
  private static final ObjectMapper MAPPER = QueryTestMapper.create();

  private static InputRow row(String iso, String user) {
    return new MapBasedInputRow(new DateTime(iso, DateTimeZone.UTC).getMillis(), List.of("user"), Map.of("user", user));
  }

  private static IncrementalIndexSchema schema(long start) {
    return IncrementalIndexSchema.builder().minTimestamp(start).queryGranularity(Granularities.NONE)
        .dimensionsSpec(DimensionsSpec.of(List.of("user"))).metrics(new CountAggregatorFactory("rows")).build();
  }

  /** Hour 9: a, b, b; hour 10: c, d, a; day 2 hour 9: e. */
  private static QueryExecutor executor() {
    List<InputRow> rows = new ArrayList<>(List.of(row("2018-03-06T09:01:00Z", "a"), row("2018-03-06T09:02:00Z", "b"),
        row("2018-03-06T09:03:00Z", "b"), row("2018-03-06T10:01:00Z", "c"), row("2018-03-06T10:02:00Z", "d"),
        row("2018-03-06T10:03:00Z", "a"), row("2018-03-07T09:00:00Z", "e")));
    SegmentRegistry registry = new SegmentRegistry();
    SeedData.announce(registry, "ds", Granularities.HOUR,
        SeedData.indexBySegment(rows, Granularities.HOUR, SearchLimitAndMergeTest::schema));
    return new QueryExecutor(registry);
  }

  private static String run(String fields) throws Exception {
    String json = "{\"queryType\":\"search\",\"dataSource\":\"ds\"," + fields.substring(1);
    Query query = JsonBodies.read(MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
    return MAPPER.writeValueAsString(executor().run(query));
  }

  @Test
  void granularityAllSumsCountsSortsAndCutsAtLimitWithTheEarliestTimestamp() throws Exception {
    assertEquals("[{\"timestamp\":\"2018-03-06T09:00:00.000Z\",\"result\":[{\"dimension\":\"user\",\"value\":\"a\","
        + "\"count\":2},{\"dimension\":\"user\",\"value\":\"b\",\"count\":2},{\"dimension\":\"user\",\"value\":\"c\","
        + "\"count\":1}]}]", run("{\"intervals\":[\"2018-03-06/2018-03-08\"],\"limit\":3}"));
  }

  @Test
  void otherGranularitiesBucketByGranularityWithoutMergeLimit() throws Exception {
    assertEquals("[{\"timestamp\":\"2018-03-06T00:00:00.000Z\",\"result\":[{\"dimension\":\"user\",\"value\":\"a\","
        + "\"count\":2},{\"dimension\":\"user\",\"value\":\"b\",\"count\":2},{\"dimension\":\"user\",\"value\":\"c\","
        + "\"count\":1},{\"dimension\":\"user\",\"value\":\"d\",\"count\":1}]},"
        + "{\"timestamp\":\"2018-03-07T09:00:00.000Z\",\"result\":[{\"dimension\":\"user\",\"value\":\"e\","
        + "\"count\":1}]}]", run("{\"intervals\":[\"2018-03-06/2018-03-08\"],\"granularity\":\"day\",\"limit\":3}"));
  }

  @Test
  void eachSegmentStopsAtLimitDistinctHitsInDictionaryOrder() throws Exception {
    // Hour 10's dictionary is c, d, a: with limit 2 it contributes c and d only (Druid's early stop).
    assertEquals("[{\"timestamp\":\"2018-03-06T10:00:00.000Z\",\"result\":[{\"dimension\":\"user\",\"value\":\"c\","
        + "\"count\":1},{\"dimension\":\"user\",\"value\":\"d\",\"count\":1}]}]",
        run("{\"intervals\":[\"2018-03-06T10/2018-03-06T11\"],\"limit\":2}"));
  }

  @Test
  void limitZeroMeansDefaultAndAbsentGranularityIsAll() throws Exception {
    String out = run("{\"intervals\":[\"2018-03-06/2018-03-08\"],\"limit\":0}");
    assertEquals(1, MAPPER.readTree(out).size());
    assertEquals(5, MAPPER.readTree(out).get(0).get("result").size());
  }

  @Test
  void mergerKeepsALonePartialsTimestampForNonAllGranularity() {
    SearchQuery query = (SearchQuery) JsonBodies.read(MAPPER, ("{\"queryType\":\"search\",\"dataSource\":\"ds\","
        + "\"intervals\":[\"2018/2019\"],\"granularity\":\"day\"}").getBytes(StandardCharsets.UTF_8), Query.class, "q");
    long nine = new DateTime("2018-03-06T09:00:00Z", DateTimeZone.UTC).getMillis();
    Result<SearchResultValue> lone = new Result<>(nine, new SearchResultValue(List.of(new SearchHit("user", "x", 1))));
    assertEquals(List.of(lone), new SearchResultMerger().merge(query, List.of(lone)));
    assertEquals(List.of(), new SearchResultMerger().merge(query, List.of()));
  }
}
