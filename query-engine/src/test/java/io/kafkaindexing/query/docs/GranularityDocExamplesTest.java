package io.kafkaindexing.query.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.query.Query;
import io.kafkaindexing.query.QueryExecutor;
import io.kafkaindexing.query.QueryTestMapper;
import io.kafkaindexing.query.SeedData;
import io.kafkaindexing.query.SegmentRegistry;
import io.kafkaindexing.segment.aggregation.CountAggregatorFactory;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.incremental.IncrementalIndexSchema;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The worked example of Druid's granularity documentation ({@code docs/querying/granularities.md}):
 * its four rows, its groupBy on {@code language} with each granularity, and the answers the page
 * prints, timestamps included (period buckets in {@code America/Los_Angeles} are written with the
 * Pacific offset). Runs on the in-memory index and on the persisted segment.
 */
class GranularityDocExamplesTest {
  private static final ObjectMapper MAPPER = QueryTestMapper.create();
  private static final List<String> TIMES = List.of("2013-08-31T01:02:33Z", "2013-09-01T01:02:33Z",
      "2013-09-02T23:32:45Z", "2013-09-03T03:32:45Z");
  private static final List<String> PAGES = List.of("AAA", "BBB", "CCC", "DDD");

  private static final Map<SeedData.Form, SegmentRegistry> REGISTRIES = new EnumMap<>(SeedData.Form.class);

  @BeforeAll
  static void announceTheDocumentedRows(@TempDir Path tmp) {
    List<Map<String, Object>> events = new ArrayList<>();
    for (int i = 0; i < TIMES.size(); i++) {
      events.add(Map.of("time", TIMES.get(i), "page", PAGES.get(i), "language", "en"));
    }
    IncrementalIndexSchema schema = IncrementalIndexSchema.builder().minTimestamp(0L)
        .timestampSpec(SeedData.TIMESTAMP_SPEC).queryGranularity(Granularities.NONE)
        .dimensionsSpec(DimensionsSpec.of(List.of("page", "language"))).metrics(new CountAggregatorFactory("rows"))
        .rollup(true).build();
    for (SeedData.Form form : SeedData.Form.values()) {
      SegmentRegistry registry = new SegmentRegistry();
      SeedData.announce(registry, "my_dataSource", Granularities.DAY, form.of(SeedData.indexBySegment(
          SeedData.inputRows(events), Granularities.DAY, start -> schema), Granularities.DAY, tmp.resolve(form.name())));
      REGISTRIES.put(form, registry);
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"hour\"|2000-01-01T00:00Z/3000-01-01T00:00Z|"
          + "2013-08-31T01:00:00.000Z=1,2013-09-01T01:00:00.000Z=1,2013-09-02T23:00:00.000Z=1,2013-09-03T03:00:00.000Z=1",
      "\"day\"|2000-01-01T00:00Z/3000-01-01T00:00Z|"
          + "2013-08-31T00:00:00.000Z=1,2013-09-01T00:00:00.000Z=1,2013-09-02T00:00:00.000Z=1,2013-09-03T00:00:00.000Z=1",
      "\"none\"|2000-01-01T00:00Z/3000-01-01T00:00Z|"
          + "2013-08-31T01:02:33.000Z=1,2013-09-01T01:02:33.000Z=1,2013-09-02T23:32:45.000Z=1,2013-09-03T03:32:45.000Z=1",
      "\"all\"|2000-01-01T00:00Z/3000-01-01T00:00Z|2000-01-01T00:00:00.000Z=4",
      "{\"type\": \"duration\", \"duration\": \"86400000\"}|2000-01-01T00:00Z/3000-01-01T00:00Z|"
          + "2013-08-31T00:00:00.000Z=1,2013-09-01T00:00:00.000Z=1,2013-09-02T00:00:00.000Z=1,2013-09-03T00:00:00.000Z=1",
      "{\"type\": \"duration\", \"duration\": \"86400000\", \"origin\":\"2012-01-01T00:30:00Z\"}"
          + "|2000-01-01T00:00Z/3000-01-01T00:00Z|"
          + "2013-08-31T00:30:00.000Z=1,2013-09-01T00:30:00.000Z=1,2013-09-02T00:30:00.000Z=1,2013-09-03T00:30:00.000Z=1",
      "{\"type\": \"period\", \"period\": \"P1D\", \"timeZone\": \"America/Los_Angeles\"}"
          + "|1999-12-31T16:00:00.000-08:00/2999-12-31T16:00:00.000-08:00|"
          + "2013-08-30T00:00:00.000-07:00=1,2013-08-31T00:00:00.000-07:00=1,2013-09-02T00:00:00.000-07:00=2",
      "{\"type\": \"period\", \"period\": \"P1D\", \"timeZone\": \"America/Los_Angeles\", "
          + "\"origin\": \"1970-01-01T20:30:00-08:00\"}|1999-12-31T16:00:00.000-08:00/2999-12-31T16:00:00.000-08:00|"
          + "2013-08-29T20:30:00.000-07:00=1,2013-08-30T20:30:00.000-07:00=1,2013-09-01T20:30:00.000-07:00=1,"
          + "2013-09-02T20:30:00.000-07:00=1",
  })
  void groupByGivesTheDocumentedAnswer(String granularity, String interval, String expected) throws Exception {
    String json = "{\"queryType\":\"groupBy\",\"dataSource\":\"my_dataSource\",\"granularity\":" + granularity
        + ",\"dimensions\":[\"language\"],\"aggregations\":[{\"type\":\"count\",\"name\":\"count\"}],"
        + "\"intervals\":[\"" + interval + "\"]}";
    StringBuilder documented = new StringBuilder("[");
    for (String bucket : expected.split(",")) {
      String[] parts = bucket.split("=");
      documented.append(documented.length() > 1 ? "," : "").append("{\"version\":\"v1\",\"timestamp\":\"")
          .append(parts[0]).append("\",\"event\":{\"count\":").append(parts[1]).append(",\"language\":\"en\"}}");
    }
    documented.append("]");
    for (SeedData.Form form : SeedData.Form.values()) {
      assertEquals(MAPPER.readTree(documented.toString()), run(form, json), form + " " + json);
    }
  }

  private static JsonNode run(SeedData.Form form, String json) throws Exception {
    Query query = JsonBodies.read(MAPPER, json.getBytes(StandardCharsets.UTF_8), Query.class, "query");
    List<?> results = new QueryExecutor(REGISTRIES.get(form)).run(query.withId("granularity-doc"));
    return MAPPER.readTree(MAPPER.writeValueAsString(results));
  }
}
