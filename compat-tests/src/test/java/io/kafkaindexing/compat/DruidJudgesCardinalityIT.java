package io.kafkaindexing.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kafkaindexing.query.aggregation.CardinalityAggregatorFactory;
import io.kafkaindexing.query.dimension.DefaultDimensionSpec;
import io.kafkaindexing.query.dimension.DimensionSpec;
import io.kafkaindexing.query.engine.MapColumnSelectorFactory;
import io.kafkaindexing.segment.aggregation.Aggregator;
import io.kafkaindexing.segment.aggregation.HyperLogLogSketch;
import io.kafkaindexing.segment.column.ValueType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our {@code cardinality} aggregator's estimates equal, bit for bit, the estimates Apache Druid 33's
 * own HyperLogLogCollector gives for the same values hashed as Druid's aggregator hashes them (the
 * judge runs in a child JVM on Druid's classpath), by value and by row, with nulls, empty strings
 * and non-ASCII values, at sizes that use the sparse and the dense sketch and overflow registers.
 */
class DruidJudgesCardinalityIT {
  @TempDir
  Path tmp;

  @Test
  void estimatesEqualDruidsByValueAndByRow() throws Exception {
    for (int distinct : new int[] {7, 900, 60_000}) {
      List<Map<String, Object>> rows = rows(distinct, new Random(distinct));
      Path file = tmp.resolve("rows-" + distinct + ".tsv");
      StringBuilder tsv = new StringBuilder();
      for (Map<String, Object> r : rows) {
        tsv.append(token(r.get("user"))).append('\t').append(token(r.get("url"))).append('\n');
      }
      Files.writeString(file, tsv, StandardCharsets.UTF_8);
      for (boolean byRow : new boolean[] {false, true}) {
        double ours = ours(rows, byRow);
        double druids = Double.parseDouble(judge(byRow ? "byRow" : "byValue", file));
        assertEquals(druids, ours, 0.0, (byRow ? "byRow" : "byValue") + " over " + distinct + " users");
      }
    }
  }

  private static List<Map<String, Object>> rows(int distinct, Random random) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < distinct * 2; i++) {
      Map<String, Object> row = new HashMap<>();
      int u = random.nextInt(distinct + 2);
      row.put("user", u == distinct ? null : u == distinct + 1 ? "" : "usér-" + u);
      row.put("url", "/page/" + random.nextInt(30));
      rows.add(row);
    }
    return rows;
  }

  private static String token(Object value) {
    return value == null ? "\\N" : value.toString();
  }

  private static double ours(List<Map<String, Object>> rows, boolean byRow) {
    AtomicReference<Map<String, Object>> current = new AtomicReference<>();
    MapColumnSelectorFactory columns = new MapColumnSelectorFactory(current::get, () -> 0L,
        Map.of("user", ValueType.STRING, "url", ValueType.STRING));
    List<DimensionSpec> fields = List.of(new DefaultDimensionSpec("user", null, null),
        new DefaultDimensionSpec("url", null, null));
    Aggregator aggregator = new CardinalityAggregatorFactory("c", fields, byRow, false).factorize(columns);
    for (Map<String, Object> row : rows) {
      current.set(row);
      aggregator.aggregate();
    }
    return ((HyperLogLogSketch) aggregator.get()).estimate();
  }

  private static String judge(String mode, Path file) throws Exception {
    Path log = Files.createTempFile(file.getParent(), "judge-", ".log");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", DruidDumpSegment.classpath(), Path.of("src/test/judge/DruidCardinality.java").toString(), mode,
        file.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("judge failed: " + Files.readString(log));
    }
    List<String> lines = Files.readAllLines(log);
    return lines.get(lines.size() - 1).trim();
  }
}
