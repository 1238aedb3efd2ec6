package io.kafkaindexing.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The four native queries of the benchmark over 2018-03-06, each with a check of its answer against
 * the generator's {@link GroundTruth}, plus the count query that tells when every row is queryable.
 */
public final class BenchQueries {
  private static final String INTERVAL = "\"intervals\":[\"2018-03-06/2018-03-07\"]";
  private static final String AGGREGATIONS = "\"aggregations\":[{\"type\":\"longSum\",\"name\":\"views\","
      + "\"fieldName\":\"views\"},{\"type\":\"doubleSum\",\"name\":\"latencyMs\",\"fieldName\":\"latencyMs\"}]";

  /**
   * One query: its name, JSON body and a check returning null when the answer is right, else what is
   * wrong.
   */
  public record BenchQuery(String name, String json, BiFunction<JsonNode, GroundTruth, String> check) {}

  private BenchQueries() {}

  /** The four queries on {@code dataSource}, in the order they are reported. */
  public static List<BenchQuery> all(String dataSource) {
    String ds = "\"dataSource\":\"" + dataSource + "\",";
    return List.of(
        new BenchQuery("search", "{\"queryType\":\"search\"," + ds + "\"searchDimensions\":[\"user\"],"
            + "\"query\":{\"type\":\"insensitive_contains\",\"value\":\"user4242\"},\"granularity\":\"all\","
            + INTERVAL + "}", BenchQueries::checkSearch),
        new BenchQuery("timeseries-hour", "{\"queryType\":\"timeseries\"," + ds + "\"granularity\":\"hour\","
            + AGGREGATIONS + "," + INTERVAL + "}", BenchQueries::checkTimeseries),
        new BenchQuery("topN-user-views", "{\"queryType\":\"topN\"," + ds + "\"dimension\":\"user\","
            + "\"threshold\":10,\"metric\":\"views\",\"granularity\":\"all\"," + AGGREGATIONS + "," + INTERVAL + "}",
            BenchQueries::checkTopN),
        new BenchQuery("groupBy-url-limit100", "{\"queryType\":\"groupBy\"," + ds + "\"granularity\":\"all\","
            + "\"dimensions\":[\"url\"]," + AGGREGATIONS + ",\"limitSpec\":{\"type\":\"default\",\"limit\":100},"
            + INTERVAL + "}", BenchQueries::checkGroupBy));
  }

  /** Sum of {@code views} and {@code latencyMs} over all time, granularity all. */
  public static String count(String dataSource) {
    return "{\"queryType\":\"timeseries\",\"dataSource\":\"" + dataSource + "\",\"granularity\":\"all\","
        + AGGREGATIONS + ",\"intervals\":[\"2000-01-01/2100-01-01\"]}";
  }

  /** The {@code views} of a {@link #count} answer (0 when empty). */
  public static long views(JsonNode countAnswer) {
    return countAnswer.size() == 0 ? 0 : countAnswer.get(0).get("result").get("views").asLong();
  }

  /** The {@code latencyMs} of a {@link #count} answer (0 when empty). */
  public static double latency(JsonNode countAnswer) {
    return countAnswer.size() == 0 ? 0 : countAnswer.get(0).get("result").get("latencyMs").asDouble();
  }

  static String checkSearch(JsonNode answer, GroundTruth truth) {
    List<String> expected = new ArrayList<>();
    truth.usersContaining("user4242").forEach(u -> expected.add("user" + u[0] + "=" + u[1]));
    List<String> actual = new ArrayList<>();
    for (JsonNode bucket : answer) {
      for (JsonNode hit : bucket.get("result")) {
        actual.add(hit.get("value").asText() + "=" + hit.get("count").asLong());
      }
    }
    return expected.equals(actual) ? null : "search hits " + actual + ", expected " + expected;
  }

  static String checkTimeseries(JsonNode answer, GroundTruth truth) {
    long rows = 0;
    double latency = 0;
    List<String> wrong = new ArrayList<>();
    for (JsonNode bucket : answer) {
      int hour = (int) ((Instant.parse(bucket.get("timestamp").asText()).toEpochMilli() - BenchDataset.DAY_START_MS)
          / 3_600_000L);
      long v = bucket.get("result").get("views").asLong();
      double l = bucket.get("result").get("latencyMs").asDouble();
      rows += v;
      latency += l;
      if (hour < 0 || hour > 23 || v != truth.hourRows(hour) || l != truth.hourLatency(hour)) {
        wrong.add(bucket.toString());
      }
    }
    if (rows != truth.rows() || latency != truth.latencySum()) {
      return "timeseries totals views[" + rows + "] latencyMs[" + latency + "], expected views[" + truth.rows()
          + "] latencyMs[" + truth.latencySum() + "]";
    }
    return wrong.isEmpty() ? null : "timeseries hours differ from the generator: " + wrong;
  }

  /**
   * topN is approximate, as in Druid: each segment keeps only its best users before the merge, so a
   * user's total may miss the segments where it ranked lower. The check is what approximation allows:
   * ten users, in descending order, none with more views than it has. {@link #topNAccuracy} tells how
   * far from exact the answer is.
   */
  static String checkTopN(JsonNode answer, GroundTruth truth) {
    JsonNode result = answer.get(0).get("result");
    if (result.size() != Math.min(10, BenchDataset.USERS)) {
      return "topN returned " + result.size() + " users, expected 10";
    }
    long previous = Long.MAX_VALUE;
    for (JsonNode e : result) {
      long views = e.get("views").asLong();
      long actual = truth.userRows(Integer.parseInt(e.get("user").asText().substring("user".length())));
      if (views > previous || views > actual) {
        return "topN entry " + e + " is out of order or counts more than the user's " + actual + " views";
      }
      previous = views;
    }
    return null;
  }

  /** How a topN answer compares with the exact top ten: returned and true views per entry. */
  public static Map<String, Object> topNAccuracy(JsonNode answer, GroundTruth truth) {
    List<Long> returned = new ArrayList<>();
    List<Long> trueViewsOfReturned = new ArrayList<>();
    for (JsonNode e : answer.get(0).get("result")) {
      returned.add(e.get("views").asLong());
      trueViewsOfReturned.add(truth.userRows(Integer.parseInt(e.get("user").asText().substring("user".length()))));
    }
    List<Long> exact = new ArrayList<>();
    for (long v : truth.topUserRows(10)) {
      exact.add(v);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("exact", returned.equals(exact) && trueViewsOfReturned.equals(exact));
    out.put("returned_views", returned);
    out.put("true_views_of_returned_users", trueViewsOfReturned);
    out.put("exact_top10_views", exact);
    return out;
  }

  static String checkGroupBy(JsonNode answer, GroundTruth truth) {
    List<long[]> expected = truth.firstUrls(100);
    if (answer.size() != expected.size()) {
      return "groupBy returned " + answer.size() + " rows, expected " + expected.size();
    }
    for (int i = 0; i < expected.size(); i++) {
      JsonNode event = answer.get(i).get("event");
      long[] e = expected.get(i);
      if (!event.get("url").asText().equals("/page/" + e[0]) || event.get("views").asLong() != e[1]
          || event.get("latencyMs").asDouble() != e[2]) {
        return "groupBy row " + i + " " + event + ", expected url[/page/" + e[0] + "] views[" + e[1] + "] latencyMs["
            + e[2] + "]";
      }
    }
    return null;
  }
}
