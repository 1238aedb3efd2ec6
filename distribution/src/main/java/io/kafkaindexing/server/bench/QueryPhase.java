package io.kafkaindexing.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs each of the benchmark's queries over HTTP, first the warm-ups then the measured runs one
 * after another, timing each from sending the request to having read the whole answer; checks the
 * answer of the first and the last run against the ground truth and fails loudly if it is wrong.
 */
public final class QueryPhase {
  private final BenchHttp http;
  private final String brokerUrl;
  private final int warmups;
  private final int runs;

  public QueryPhase(BenchHttp http, String brokerUrl, int warmups, int runs) {
    this.http = http;
    this.brokerUrl = brokerUrl + "/druid/v2";
    this.warmups = warmups;
    this.runs = runs;
  }

  /**
   * Per query name: {@code {"n","min","p50","p95","p99","max","runs_ms"}} in milliseconds, {@code runs_ms}
   * being every measured run in order (how the latency settles from the first run to the last).
   */
  public Map<String, Map<String, Object>> run(List<BenchQueries.BenchQuery> queries, GroundTruth truth)
      throws Exception {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (BenchQueries.BenchQuery q : queries) {
      System.out.printf("          query[%s]%n", q.name());
      for (int i = 0; i < warmups; i++) {
        check(q, http.postOk(brokerUrl, q.json()), truth);
      }
      double[] ms = new double[runs];
      JsonNode last = null;
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        BenchHttp.Response r = http.post(brokerUrl, q.json());
        ms[i] = (System.nanoTime() - start) / 1e6;
        if (r.status() != 200) {
          throw new IllegalStateException("Query[" + q.name() + "] answered " + r.status() + ": " + r.body());
        }
        if (i == 0 || i == runs - 1) {
          last = r.json();
          check(q, last, truth);
        }
      }
      Map<String, Object> summary = new Percentiles(ms).summary();
      List<Double> inOrder = new ArrayList<>(runs);
      for (double m : ms) {
        inOrder.add(Percentiles.round(m));
      }
      summary.put("runs_ms", inOrder);
      out.put(q.name(), summary);
    }
    return out;
  }

  private static void check(BenchQueries.BenchQuery q, JsonNode answer, GroundTruth truth) {
    String wrong = q.check().apply(answer, truth);
    if (wrong != null) {
      throw new WrongAnswerException("Query[" + q.name() + "] answered wrongly: " + wrong);
    }
  }

  /** A query's answer disagrees with the generator's ground truth. */
  public static final class WrongAnswerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WrongAnswerException(String message) {
      super(message);
    }
  }
}
