package io.kafkaindexing.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rows for the seed's {@code metrics-kafka} data source and the exact totals a query must give for
 * them: row {@code i} has {@code latencyMs = i}, so {@code count} and {@code sum(latencyMs)} over
 * rows {@code [from, to)} are known without the server. Totals are read with a timeseries query
 * over all time on the Broker ({@code views} is the seed's count metric).
 */
final class MetricsRows {
  private static final String TIMESERIES = "{\"queryType\":\"timeseries\",\"dataSource\":\"%s\","
      + "\"granularity\":\"all\",\"intervals\":[\"1000-01-01/3000-01-01\"],\"aggregations\":["
      + "{\"type\":\"longSum\",\"name\":\"views\",\"fieldName\":\"views\"},"
      + "{\"type\":\"doubleSum\",\"name\":\"latencyMs\",\"fieldName\":\"latencyMs\"}]}";

  /** A row count and latency sum. */
  record Totals(long views, double latencyMs) {
    static Totals of(int from, int to) {
      double sum = 0;
      for (int i = from; i < to; i++) {
        sum += i;
      }
      return new Totals(to - from, sum);
    }

    Totals plus(Totals other) {
      return new Totals(views + other.views, latencyMs + other.latencyMs);
    }
  }

  private MetricsRows() {}

  /** Row i: two days, two hours, users and urls cycling, latency i. */
  static String row(int i) {
    String day = i % 3 == 0 ? "2018-03-07" : "2018-03-06";
    return String.format(Locale.ROOT,
        "{\"time\":\"%sT%02d:%02d:%02dZ\",\"url\":\"/p/%d\",\"user\":\"u%d\",\"latencyMs\":%d}",
        day, 9 + (i % 2), (i / 60) % 60, i % 60, i % 7, i % 5, i);
  }

  static List<String> rows(int from, int to) {
    List<String> rows = new ArrayList<>();
    for (int i = from; i < to; i++) {
      rows.add(row(i));
    }
    return rows;
  }

  /** What the Broker answers now for {@code dataSource}; zero totals when it has no rows. */
  static Totals query(String broker, String dataSource) throws Exception {
    Http.Response r = Http.post(broker + "/druid/v2", String.format(Locale.ROOT, TIMESERIES, dataSource));
    if (r.status() != 200) {
      throw new AssertionError("Timeseries query failed: " + r);
    }
    JsonNode json = r.json();
    if (json.size() == 0) {
      return new Totals(0, 0);
    }
    JsonNode result = json.get(0).get("result");
    return new Totals(result.get("views").asLong(), result.get("latencyMs").asDouble());
  }

  /** Waits until the Broker answers exactly {@code expected}; fails on timeout with the last answer. */
  static void await(String broker, String dataSource, Totals expected, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    Totals last = query(broker, dataSource);
    while (!matches(last, expected)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Totals of " + dataSource + " never became " + expected + "; last: " + last);
      }
      Thread.sleep(100);
      last = query(broker, dataSource);
    }
  }

  static boolean matches(Totals actual, Totals expected) {
    return actual.views() == expected.views() && Math.abs(actual.latencyMs() - expected.latencyMs()) < 1e-6;
  }
}
