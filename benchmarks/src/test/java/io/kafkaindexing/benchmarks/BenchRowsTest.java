package io.kafkaindexing.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The copy of the bench's recipe gives the rows Apache Druid 33 ingested in its reference run. */
class BenchRowsTest {
  private static final Path INPUT = Path.of(System.getProperty("druid33.fixtures",
      "../src/test/resources/druid33-segments"), "metrics-bench-tc1", "input-rows-2018-03-06T10.json.gz");

  @Test
  void hourTenOfTwoMillionRowsIsByteForByteWhatDruidIngested() throws Exception {
    List<String> druidRows;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(INPUT)),
        StandardCharsets.UTF_8))) {
      druidRows = in.lines().limit(2000).toList();
    }
    // Hour 10 of a 2,000,000-row day starts at row 833,334 (the distribution's BenchDatasetTest checks all of it).
    assertEquals(druidRows, BenchRows.json(2_000_000, 833_334, 835_334));
  }

  @Test
  void firstHourHoldsTheFirstRowsOfADayOf24TimesAsMany() {
    List<byte[]> rows = BenchRows.firstHour(1000);
    assertEquals(1000, rows.size());
    assertEquals(BenchRows.json(24_000, 999, 1000).get(0), new String(rows.get(999), StandardCharsets.UTF_8));
    assertEquals(true, new String(rows.get(999), StandardCharsets.UTF_8).startsWith("{\"time\": \"2018-03-06T00:59:56.400Z\""));
    assertThrows(IllegalArgumentException.class, () -> BenchRows.json(10, 5, 11));
  }
}
