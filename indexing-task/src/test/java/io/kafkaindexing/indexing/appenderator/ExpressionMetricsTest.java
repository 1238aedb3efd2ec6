package io.kafkaindexing.indexing.appenderator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.indexing.input.TestMappers;
import io.kafkaindexing.indexing.spec.DataSchema;
import io.kafkaindexing.query.Query;
import io.kafkaindexing.query.QueryExecutor;
import io.kafkaindexing.query.SegmentRegistry;
import io.kafkaindexing.segment.incremental.IncrementalIndex;
import io.kafkaindexing.segment.read.Segment;
import io.kafkaindexing.segment.read.SegmentParts;
import io.kafkaindexing.segment.row.MapBasedInputRow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.junit.jupiter.api.Test;

/**
 * {@code metricsSpec} aggregators with an {@code expression} instead of a {@code fieldName}: the
 * spec echoes them, their inputs are not discovered as dimensions, and what the appenderator
 * stores (rolled up per minute) queries to the sums, minima and maxima computed by brute force
 * over the raw JSON rows.
 */
class ExpressionMetricsTest {
  private static final String SCHEMA = "{\"dataSource\":\"exprMetrics\","
      + "\"timestampSpec\":{\"column\":\"time\",\"format\":\"auto\"},\"dimensionsSpec\":{},"
      + "\"metricsSpec\":[{\"type\":\"count\",\"name\":\"views\"},"
      + "{\"type\":\"longSum\",\"name\":\"latency2\",\"expression\":\"latencyMs * 2\"},"
      + "{\"type\":\"doubleMax\",\"name\":\"kb\",\"expression\":\"bytes / 1024.0\"},"
      + "{\"type\":\"longMin\",\"name\":\"lmin\",\"expression\":\"latencyMs - 10\"},"
      + "{\"type\":\"doubleSum\",\"name\":\"both\",\"expression\":\"latencyMs + bytes\"}],"
      + "\"granularitySpec\":{\"segmentGranularity\":\"hour\",\"queryGranularity\":\"minute\",\"rollup\":true}}";

  @Test
  void expressionMetricsAreIngestedAsDruidComputesThem() throws Exception {
    ObjectMapper mapper = TestMappers.mapper();
    DataSchema schema = JsonBodies.read(mapper, SCHEMA.getBytes(StandardCharsets.UTF_8), DataSchema.class,
        "dataSchema");
    JsonNode echoed = mapper.valueToTree(schema);
    assertEquals(mapper.readTree("{\"type\":\"longSum\",\"name\":\"latency2\",\"fieldName\":null,"
        + "\"expression\":\"latencyMs * 2\"}"), echoed.get("metricsSpec").get(1));
    assertTrue(schema.getDimensionsSpec().getDimensionExclusions().containsAll(List.of("latencyMs", "bytes")),
        schema.getDimensionsSpec().getDimensionExclusions().toString());

    SegmentRegistry registry = new SegmentRegistry();
    StreamAppenderator appenderator = new StreamAppenderator(schema, "s",
        new StreamAppenderatorTest.MapAllocator(), registry);
    Random random = new Random(3);
    long start = new DateTime("2019-07-01T10:00:00Z", DateTimeZone.UTC).getMillis();
    long latencySum = 0;
    Long latencyMin = null;
    Double kbMax = null;
    double both = 0;
    for (int i = 0; i < 300; i++) {
      long time = start + random.nextInt(2 * 3600) * 1000L;
      StringBuilder json = new StringBuilder("{\"time\":" + time + ",\"user\":\"u" + random.nextInt(3) + "\"");
      Integer latency = random.nextInt(4) == 0 ? null : random.nextInt(500);
      Double bytes = random.nextInt(4) == 0 ? null : random.nextInt(100_000) / 4.0;
      if (latency != null) {
        json.append(",\"latencyMs\":").append(latency);
        latencySum += latency * 2L;
        latencyMin = latencyMin == null ? latency - 10L : Math.min(latencyMin, latency - 10L);
      }
      if (bytes != null) {
        json.append(",\"bytes\":").append(bytes);
        kbMax = kbMax == null ? bytes / 1024.0 : Math.max(kbMax, bytes / 1024.0);
      }
      if (latency != null && bytes != null) {
        both += latency + bytes;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> event = mapper.readValue(json.append('}').toString(), Map.class);
      appenderator.add(new MapBasedInputRow(time, new ArrayList<>(event.keySet()), event));
    }
    for (Segment segment : registry.getSegments("exprMetrics").values()) {
      IncrementalIndex index = SegmentParts.of(segment).get(0).as(IncrementalIndex.class);
      assertEquals(List.of("user"), index.getDimensionNames(), "expression inputs are not dimensions");
    }
    Query query = JsonBodies.read(mapper, ("{\"queryType\":\"timeseries\",\"dataSource\":\"exprMetrics\","
        + "\"intervals\":[\"2019-07-01/2019-07-02\"],\"granularity\":\"all\",\"aggregations\":["
        + "{\"type\":\"longSum\",\"name\":\"views\",\"fieldName\":\"views\"},"
        + "{\"type\":\"longSum\",\"name\":\"latency2\",\"fieldName\":\"latency2\"},"
        + "{\"type\":\"doubleMax\",\"name\":\"kb\",\"fieldName\":\"kb\"},"
        + "{\"type\":\"longMin\",\"name\":\"lmin\",\"fieldName\":\"lmin\"},"
        + "{\"type\":\"doubleSum\",\"name\":\"both\",\"fieldName\":\"both\"}]}").getBytes(StandardCharsets.UTF_8),
        Query.class, "query");
    JsonNode result = mapper.valueToTree(new QueryExecutor(registry).run(query)).get(0).get("result");
    assertEquals(300, result.get("views").asLong());
    assertEquals(latencySum, result.get("latency2").asLong());
    assertEquals(latencyMin.longValue(), result.get("lmin").asLong());
    assertEquals(kbMax, result.get("kb").asDouble(), 1e-9);
    assertEquals(both, result.get("both").asDouble(), 1e-6);
    appenderator.close();
  }
}
