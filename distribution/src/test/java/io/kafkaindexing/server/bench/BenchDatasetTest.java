package io.kafkaindexing.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The generator reproduces the rows Apache Druid 33 ingested for its 2,000,000-row reference run
 * (fixture {@code druid33-segments/metrics-bench-tc1}), byte for byte, and their totals.
 */
class BenchDatasetTest {
  private static final Path BENCH_FIXTURE = Path.of(System.getProperty("druid33.fixtures",
      "../src/test/resources/druid33-segments"), "metrics-bench-tc1");

  @Test
  void hourTenIsByteForByteTheRowsDruidIngested() throws Exception {
    List<String> druidRows;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(
        BENCH_FIXTURE.resolve("input-rows-2018-03-06T10.json.gz"))), StandardCharsets.UTF_8))) {
      druidRows = in.lines().toList();
    }
    assertEquals(83_333, druidRows.size());
    BenchDataset dataset = new BenchDataset(2_000_000);
    GroundTruth truth = new GroundTruth();
    int hourTen = 0;
    while (dataset.hasNext()) {
      long i = dataset.next();
      truth.add(dataset);
      if (i >= 833_334 && i <= 916_666) {
        assertEquals(druidRows.get(hourTen++), dataset.json(), "row " + i);
      }
    }
    assertEquals(druidRows.size(), hourTen);
    // The fixture's README: views sum to 2,000,000 and latencyMs to 1,000,710,643 over the datasource.
    assertEquals(2_000_000, truth.rows());
    assertEquals(1_000_710_643L, truth.latencySum());
    assertEquals(83_333, truth.hourRows(10));
  }

  @Test
  void groundTruthAnswersByBruteForce() {
    BenchDataset dataset = new BenchDataset(50_000);
    GroundTruth truth = new GroundTruth();
    long[] users = new long[BenchDataset.USERS];
    long[] hours = new long[24];
    while (dataset.hasNext()) {
      dataset.next();
      truth.add(dataset);
      users[dataset.user()]++;
      hours[java.time.Instant.ofEpochMilli(dataset.timeMs()).atZone(java.time.ZoneOffset.UTC).getHour()]++;
    }
    for (int h = 0; h < 24; h++) {
      assertEquals(hours[h], truth.hourRows(h));
    }
    long best = 0;
    for (long u : users) {
      best = Math.max(best, u);
    }
    assertEquals(best, truth.topUserRows(10)[0]);
    assertEquals(List.of(4242L), truth.usersContaining("USER4242").stream().map(u -> u[0]).toList());
    assertEquals(users[4242], truth.usersContaining("user4242").get(0)[1]);
    // "/page/0" < "/page/1" < "/page/10" < "/page/100" < "/page/101" in string order.
    assertEquals(List.of(0L, 1L, 10L, 100L, 101L), truth.firstUrls(5).stream().map(u -> u[0]).toList());
  }
}
