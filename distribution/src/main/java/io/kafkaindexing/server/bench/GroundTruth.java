package io.kafkaindexing.server.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What the benchmark's queries must answer, accumulated from the generated rows: the row count and
 * {@code sum(latencyMs)} overall and per hour of 2018-03-06, and the rows per {@code url} and per
 * {@code user}. The seed's spec rolls up rows with equal time and dimensions; the generator gives
 * every row its own millisecond up to 86,400,000 rows, so rows and {@code views} are the same.
 *
 * <p>Not thread-safe.
 */
public final class GroundTruth {
  private long rows;
  private long latencySum;
  private final long[] hourRows = new long[24];
  private final long[] hourLatency = new long[24];
  private final long[] urlRows = new long[BenchDataset.URLS];
  private final long[] urlLatency = new long[BenchDataset.URLS];
  private final long[] userRows = new long[BenchDataset.USERS];

  /** Counts the dataset's latest row. */
  public void add(BenchDataset row) {
    int hour = (int) ((row.timeMs() - BenchDataset.DAY_START_MS) / 3_600_000L);
    rows++;
    latencySum += row.latencyMs();
    hourRows[hour]++;
    hourLatency[hour] += row.latencyMs();
    urlRows[row.url()]++;
    urlLatency[row.url()] += row.latencyMs();
    userRows[row.user()]++;
  }

  public long rows() {
    return rows;
  }

  public long latencySum() {
    return latencySum;
  }

  public long hourRows(int hour) {
    return hourRows[hour];
  }

  public long hourLatency(int hour) {
    return hourLatency[hour];
  }

  public long userRows(int user) {
    return userRows[user];
  }

  /** Users whose name contains {@code fragment}, ignoring case, with their rows. */
  public List<long[]> usersContaining(String fragment) {
    List<long[]> out = new ArrayList<>();
    String f = fragment.toLowerCase(java.util.Locale.ROOT);
    for (int u = 0; u < userRows.length; u++) {
      if (userRows[u] > 0 && ("user" + u).contains(f)) {
        out.add(new long[] {u, userRows[u]});
      }
    }
    return out;
  }

  /** The {@code n} largest per-user row counts, largest first (ties make the names ambiguous). */
  public long[] topUserRows(int n) {
    long[] sorted = userRows.clone();
    Arrays.sort(sorted);
    long[] top = new long[Math.min(n, sorted.length)];
    for (int i = 0; i < top.length; i++) {
      top[i] = sorted[sorted.length - 1 - i];
    }
    return top;
  }

  /** The first {@code n} urls in string order with their rows and latency sums: {@code {url, rows, latency}}. */
  public List<long[]> firstUrls(int n) {
    List<Integer> urls = new ArrayList<>();
    for (int u = 0; u < urlRows.length; u++) {
      if (urlRows[u] > 0) {
        urls.add(u);
      }
    }
    urls.sort(Comparator.comparing(u -> "/page/" + u));
    List<long[]> out = new ArrayList<>();
    for (int i = 0; i < Math.min(n, urls.size()); i++) {
      int u = urls.get(i);
      out.add(new long[] {u, urlRows[u], urlLatency[u]});
    }
    return out;
  }
}
