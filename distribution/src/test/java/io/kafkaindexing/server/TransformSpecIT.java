package io.kafkaindexing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Druid's transform tutorial against a real Kafka broker and the server: the tutorial's four rows
 * produced to a topic, its transformSpec in a POSTed supervisor spec; the documented outcome is
 * that lion is filtered out (one {@code thrownAway} row, reason {@code filtered}) and the other
 * three are ingested with {@code animal} prefixed by {@code super-} and {@code triple-number}
 * summed, plus a metric computed by an {@code expression} over the raw row. The supervisor echoes
 * the transformSpec and the metric (a spec giving both fieldName and expression is a 400), and
 * queries with expression virtual columns,
 * filters and post-aggregators run over the ingested rows through the Broker.
 */
class TransformSpecIT {
  private static final String TRANSFORM_SPEC = "{\"filter\":{\"type\":\"or\",\"fields\":["
      + "{\"type\":\"selector\",\"dimension\":\"animal\",\"value\":\"super-mongoose\"},"
      + "{\"type\":\"selector\",\"dimension\":\"triple-number\",\"value\":\"300\"},"
      + "{\"type\":\"selector\",\"dimension\":\"location\",\"value\":\"3\"}]},"
      + "\"transforms\":[{\"type\":\"expression\",\"name\":\"animal\",\"expression\":\"concat('super-', animal)\"},"
      + "{\"type\":\"expression\",\"name\":\"triple-number\",\"expression\":\"number * 3\"}]}";

  /** A metric computed by an expression over the raw input row (not a transform). */
  private static final String DOUBLE_NUMBER =
      "{\"type\":\"longSum\",\"name\":\"double-number\",\"fieldName\":null,\"expression\":\"number * 2\"}";

  @TempDir
  static Path tmp;

  private static IngestionTestKit kit;

  @BeforeAll
  static void start() throws Exception {
    kit = IngestionTestKit.start(tmp);
  }

  @AfterAll
  static void stop() {
    if (kit != null) {
      kit.close();
    }
  }

  @Test
  void tutorialTransformsAndFilter() throws Exception {
    kit.createTopic("animals");
    kit.submit("{\"type\":\"kafka\",\"dataSchema\":{\"dataSource\":\"animals\","
        + "\"timestampSpec\":{\"column\":\"timestamp\",\"format\":\"iso\"},"
        + "\"dimensionsSpec\":{\"dimensions\":[\"animal\",{\"name\":\"location\",\"type\":\"long\"}]},"
        + "\"metricsSpec\":[{\"type\":\"count\",\"name\":\"count\"},"
        + "{\"type\":\"longSum\",\"name\":\"number\",\"fieldName\":\"number\"},"
        + "{\"type\":\"longSum\",\"name\":\"triple-number\",\"fieldName\":\"triple-number\"},"
        + DOUBLE_NUMBER + "],"
        + "\"granularitySpec\":{\"segmentGranularity\":\"week\",\"queryGranularity\":\"minute\",\"rollup\":true},"
        + "\"transformSpec\":" + TRANSFORM_SPEC + "},"
        + "\"tuningConfig\":{\"type\":\"kafka\"},"
        + "\"ioConfig\":{\"topic\":\"animals\",\"consumerProperties\":{\"bootstrap.servers\":\"${bootstrap}\"},"
        + "\"useEarliestOffset\":true,\"startDelay\":\"PT0S\",\"period\":\"PT1S\",\"inputFormat\":{\"type\":\"json\"}}}",
        "animals");
    String task = kit.awaitTask("animals");
    kit.produce(List.of(
        new ProducerRecord<>("animals", "{\"timestamp\":\"2018-01-01T07:01:35Z\",\"animal\":\"octopus\", "
            + "\"location\":1, \"number\":100}"),
        new ProducerRecord<>("animals", "{\"timestamp\":\"2018-01-01T05:01:35Z\",\"animal\":\"mongoose\", "
            + "\"location\":2,\"number\":200}"),
        new ProducerRecord<>("animals", "{\"timestamp\":\"2018-01-01T06:01:35Z\",\"animal\":\"snake\", "
            + "\"location\":3, \"number\":300}"),
        new ProducerRecord<>("animals", "{\"timestamp\":\"2018-01-01T01:01:35Z\",\"animal\":\"lion\", "
            + "\"location\":4, \"number\":300}")));
    kit.awaitSearch("animals", List.of("animal"), Map.of("animal=super-octopus", 1, "animal=super-mongoose", 1,
        "animal=super-snake", 1));
    JsonNode totals = kit.awaitTotals(task, t -> t.get("processed").asInt() + t.get("thrownAway").asInt() == 4);
    assertEquals(3, totals.get("processed").asInt(), totals.toString());
    assertEquals(1, totals.get("thrownAway").asInt(), totals.toString());
    assertEquals(0, totals.get("unparseable").asInt(), totals.toString());

    // The scan of the tutorial's documented result: time, animal, count, location, number, triple-number.
    Http.Response scan = Http.post(kit.broker + "/druid/v2", "{\"queryType\":\"scan\",\"dataSource\":\"animals\","
        + "\"intervals\":[\"2018-01-01/2018-01-02\"],\"resultFormat\":\"compactedList\",\"order\":\"ascending\","
        + "\"columns\":[\"__time\",\"animal\",\"count\",\"location\",\"number\",\"triple-number\","
        + "\"double-number\"]}");
    assertEquals(200, scan.status(), scan.body());
    JsonNode events = scan.json().get(0).get("events");
    assertEquals(Http.JSON.readTree("[[1514782860000,\"super-mongoose\",1,2,200,600,400],"
        + "[1514786460000,\"super-snake\",1,3,300,900,600],[1514790060000,\"super-octopus\",1,1,100,300,200]]"),
        events);

    // Expressions at query time over the ingested rows: a virtual column grouped on, an expression filter,
    // an expression post-aggregator. location > 1 keeps mongoose (2) and snake (3).
    Http.Response groupBy = Http.post(kit.broker + "/druid/v2", "{\"queryType\":\"groupBy\",\"dataSource\":\"animals\","
        + "\"intervals\":[\"2018-01-01/2018-01-02\"],\"granularity\":\"all\","
        + "\"virtualColumns\":[{\"type\":\"expression\",\"name\":\"short\","
        + "\"expression\":\"replace(animal, 'super-', '')\",\"outputType\":\"STRING\"}],"
        + "\"dimensions\":[\"short\"],\"filter\":{\"type\":\"expression\",\"expression\":\"location > 1\"},"
        + "\"aggregations\":[{\"type\":\"longSum\",\"name\":\"n\",\"fieldName\":\"number\"}],"
        + "\"postAggregations\":[{\"type\":\"expression\",\"name\":\"half\",\"expression\":\"n / 2.0\"}]}");
    assertEquals(200, groupBy.status(), groupBy.body());
    assertEquals(Http.JSON.readTree("[{\"short\":\"mongoose\",\"n\":200,\"half\":100.0},"
        + "{\"short\":\"snake\",\"n\":300,\"half\":150.0}]"), eventsOf(groupBy.json()));

    // The supervisor echoes the transformSpec as given.
    Http.Response spec = Http.get(kit.overlord + "/druid/indexer/v1/supervisor/animals");
    assertEquals(200, spec.status(), spec.body());
    assertEquals(Http.JSON.readTree(TRANSFORM_SPEC), spec.json().get("spec").get("dataSchema").get("transformSpec"));
    assertEquals(Http.JSON.readTree(DOUBLE_NUMBER), spec.json().get("spec").get("dataSchema").get("metricsSpec").get(3));
  }

  @Test
  void badTransformSpecsAre400NamingTheField() throws Exception {
    Http.Response r = Http.post(kit.overlord + "/druid/indexer/v1/supervisor", "{\"type\":\"kafka\","
        + "\"dataSchema\":{\"dataSource\":\"refused\",\"timestampSpec\":{\"column\":\"t\"},\"transformSpec\":"
        + "{\"transforms\":[{\"type\":\"expression\",\"name\":\"x\",\"expression\":\"concat(a,\"}]}},"
        + "\"tuningConfig\":{\"type\":\"kafka\"},\"ioConfig\":{\"topic\":\"refused\",\"consumerProperties\":"
        + "{\"bootstrap.servers\":\"" + kit.bootstrapServers() + "\"},\"inputFormat\":{\"type\":\"json\"}}}");
    assertEquals(400, r.status(), r.body());
    String error = r.json().get("error").asText();
    assertTrue(error.contains("Invalid expression[concat(a,] in field[expression] of transform[x]"), error);
    Http.Response both = Http.post(kit.overlord + "/druid/indexer/v1/supervisor", "{\"type\":\"kafka\","
        + "\"dataSchema\":{\"dataSource\":\"refused\",\"timestampSpec\":{\"column\":\"t\"},\"metricsSpec\":"
        + "[{\"type\":\"longSum\",\"name\":\"m\",\"fieldName\":\"a\",\"expression\":\"a * 2\"}]},"
        + "\"tuningConfig\":{\"type\":\"kafka\"},\"ioConfig\":{\"topic\":\"refused\",\"consumerProperties\":"
        + "{\"bootstrap.servers\":\"" + kit.bootstrapServers() + "\"},\"inputFormat\":{\"type\":\"json\"}}}");
    assertEquals(400, both.status(), both.body());
    String bothError = both.json().get("error").asText();
    assertTrue(bothError.contains("Must have a valid, non-null fieldName or expression"), bothError);
  }

  private static JsonNode eventsOf(JsonNode groupByRows) {
    com.fasterxml.jackson.databind.node.ArrayNode out = Http.JSON.createArrayNode();
    groupByRows.forEach(row -> out.add(row.get("event")));
    return out;
  }
}
