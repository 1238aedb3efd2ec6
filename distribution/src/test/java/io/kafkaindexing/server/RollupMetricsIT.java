package io.kafkaindexing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingestion-time metrics with rollup through a real Kafka broker: count, sums, mins, maxes, first,
 * last and any of longs, doubles and floats, and hyperUnique, with {@code queryGranularity} minute.
 * What the Broker answers over all time equals what is computed here from the produced rows; the
 * number of stored rows equals the distinct (minute, url) pairs; the hyperUnique and query-time
 * cardinality estimates are within 3% of the distinct users produced.
 */
class RollupMetricsIT {
  private static final int ROWS = 3000;
  private static final long START = 1520326800000L; // 2018-03-06T09:00Z

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
  void rolledUpMetricsAnswerAsTheRawRows() throws Exception {
    kit.createTopic("rollup");
    kit.submit("{\"type\":\"kafka\",\"spec\":{\"dataSchema\":{\"dataSource\":\"rollup\","
        + "\"timestampSpec\":{\"column\":\"time\",\"format\":\"millis\"},"
        + "\"dimensionsSpec\":{\"dimensions\":[\"url\"]},"
        + "\"metricsSpec\":[{\"type\":\"count\",\"name\":\"rows\"},"
        + "{\"type\":\"longSum\",\"name\":\"lsum\",\"fieldName\":\"l\"},"
        + "{\"type\":\"longMin\",\"name\":\"lmin\",\"fieldName\":\"l\"},"
        + "{\"type\":\"longMax\",\"name\":\"lmax\",\"fieldName\":\"l\"},"
        + "{\"type\":\"doubleSum\",\"name\":\"dsum\",\"fieldName\":\"d\"},"
        + "{\"type\":\"doubleMin\",\"name\":\"dmin\",\"fieldName\":\"d\"},"
        + "{\"type\":\"doubleMax\",\"name\":\"dmax\",\"fieldName\":\"d\"},"
        + "{\"type\":\"floatSum\",\"name\":\"fsum\",\"fieldName\":\"f\"},"
        + "{\"type\":\"longFirst\",\"name\":\"lfirst\",\"fieldName\":\"l\"},"
        + "{\"type\":\"longLast\",\"name\":\"llast\",\"fieldName\":\"l\"},"
        + "{\"type\":\"hyperUnique\",\"name\":\"users\",\"fieldName\":\"user\"}],"
        + "\"granularitySpec\":{\"segmentGranularity\":\"hour\",\"queryGranularity\":\"minute\",\"rollup\":true}},"
        + "\"tuningConfig\":{\"type\":\"kafka\"},"
        + "\"ioConfig\":{\"topic\":\"rollup\",\"consumerProperties\":{\"bootstrap.servers\":\"${bootstrap}\"},"
        + "\"useEarliestOffset\":true,\"startDelay\":\"PT0S\",\"period\":\"PT1S\",\"inputFormat\":{\"type\":\"json\"}}}}", "rollup");
    kit.awaitTask("rollup");

    Random random = new Random(9);
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    long lsum = 0;
    long lmin = Long.MAX_VALUE;
    long lmax = Long.MIN_VALUE;
    double dsum = 0;
    double dmin = Double.MAX_VALUE;
    double dmax = -Double.MAX_VALUE;
    double fsum = 0;
    long firstTime = Long.MAX_VALUE;
    long lastTime = Long.MIN_VALUE;
    long first = 0;
    long last = 0;
    Set<String> users = new HashSet<>();
    Set<String> stored = new HashSet<>();
    for (int i = 0; i < ROWS; i++) {
      long time = START + random.nextInt(3 * 3600) * 1000L + i % 1000;
      String url = "/p" + random.nextInt(20);
      String user = "user" + random.nextInt(700);
      long l = random.nextInt(2000) - 1000;
      double d = random.nextInt(100000) / 100.0;
      float f = random.nextInt(1000) / 4.0f;
      records.add(new ProducerRecord<>("rollup", "{\"time\":" + time + ",\"url\":\"" + url + "\",\"user\":\"" + user
          + "\",\"l\":" + l + ",\"d\":" + d + ",\"f\":" + f + "}"));
      lsum += l;
      lmin = Math.min(lmin, l);
      lmax = Math.max(lmax, l);
      dsum += d;
      dmin = Math.min(dmin, d);
      dmax = Math.max(dmax, d);
      fsum += f;
      if (time < firstTime) {
        firstTime = time;
        first = l;
      }
      if (time > lastTime) {
        lastTime = time;
        last = l;
      }
      users.add(user);
      stored.add(time / 60_000 + url);
    }
    kit.produce(records);

    String query = "{\"queryType\":\"timeseries\",\"dataSource\":\"rollup\",\"intervals\":[\"2018-03-06/2018-03-07\"],"
        + "\"granularity\":\"all\",\"aggregations\":[{\"type\":\"longSum\",\"name\":\"rows\",\"fieldName\":\"rows\"},"
        + "{\"type\":\"count\",\"name\":\"stored\"},"
        + "{\"type\":\"longSum\",\"name\":\"lsum\",\"fieldName\":\"lsum\"},"
        + "{\"type\":\"longMin\",\"name\":\"lmin\",\"fieldName\":\"lmin\"},"
        + "{\"type\":\"longMax\",\"name\":\"lmax\",\"fieldName\":\"lmax\"},"
        + "{\"type\":\"doubleSum\",\"name\":\"dsum\",\"fieldName\":\"dsum\"},"
        + "{\"type\":\"doubleMin\",\"name\":\"dmin\",\"fieldName\":\"dmin\"},"
        + "{\"type\":\"doubleMax\",\"name\":\"dmax\",\"fieldName\":\"dmax\"},"
        + "{\"type\":\"doubleSum\",\"name\":\"fsum\",\"fieldName\":\"fsum\"},"
        + "{\"type\":\"longFirst\",\"name\":\"lfirst\",\"fieldName\":\"lfirst\"},"
        + "{\"type\":\"longLast\",\"name\":\"llast\",\"fieldName\":\"llast\"},"
        + "{\"type\":\"hyperUnique\",\"name\":\"users\",\"fieldName\":\"users\"},"
        + "{\"type\":\"cardinality\",\"name\":\"urls\",\"fields\":[\"url\"],\"round\":true}]}";
    Http.Response answer = Http.await(() -> Http.post(kit.broker + "/druid/v2", query),
        r -> r.status() == 200 && IngestionTestKit.json(r).size() == 1
            && IngestionTestKit.json(r).get(0).get("result").get("rows").asLong() == ROWS, IngestionTestKit.WAIT);
    JsonNode result = answer.json().get(0).get("result");
    assertEquals(stored.size(), result.get("stored").asLong(), "one stored row per minute and url");
    assertEquals(lsum, result.get("lsum").asLong());
    assertEquals(lmin, result.get("lmin").asLong());
    assertEquals(lmax, result.get("lmax").asLong());
    assertEquals(dsum, result.get("dsum").asDouble(), 1e-6);
    assertEquals(dmin, result.get("dmin").asDouble());
    assertEquals(dmax, result.get("dmax").asDouble());
    assertEquals(fsum, result.get("fsum").asDouble(), 1e-3);
    assertEquals(first, result.get("lfirst").asLong(), "the value of the earliest row");
    assertEquals(last, result.get("llast").asLong(), "the value of the latest row");
    double estimate = result.get("users").asDouble();
    assertTrue(Math.abs(estimate - users.size()) <= users.size() * 0.03, users.size() + " users, estimate " + estimate);
    assertEquals(20, result.get("urls").asLong());
  }
}
