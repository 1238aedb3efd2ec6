package io.kafkaindexing.indexing.bench;

import io.kafkaindexing.indexing.appenderator.StreamAppenderator;
import io.kafkaindexing.indexing.input.InputEntity;
import io.kafkaindexing.indexing.input.InputRowParser;
import io.kafkaindexing.indexing.input.json.JsonInputFormat;
import io.kafkaindexing.indexing.spec.DataSchema;
import io.kafkaindexing.indexing.spec.GranularitySpec;
import io.kafkaindexing.indexing.task.ParseExceptionHandler;
import io.kafkaindexing.indexing.task.RecordProcessor;
import io.kafkaindexing.indexing.task.RowIngestionMeters;
import io.kafkaindexing.query.SegmentRegistry;
import io.kafkaindexing.segment.SegmentId;
import io.kafkaindexing.segment.aggregation.CountAggregatorFactory;
import io.kafkaindexing.segment.aggregation.DoubleSumAggregatorFactory;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import io.kafkaindexing.segment.spec.TimestampSpec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Not a test: a main that measures the per-row ingestion path of a Kafka index task in one thread,
 * from record bytes to a row in the incremental index (JSON format, timestamp, rollup add), on the
 * rows of {@code bin/bench} (seed spec: dimensions url and user, count and doubleSum, hour segments,
 * no query granularity). Persisting is left out: every {@code maxRowsInMemory} rows the
 * appenderator is dropped and a new one started, as a persist would empty the in-memory indexes.
 * Prints the task thread's CPU nanoseconds per row for each pass (the first passes warm the JIT up).
 * Run: {@code java -cp <test classpath> io.kafkaindexing.indexing.bench.IngestHotPathBench [rows] [passes] [polled]};
 * {@code polled} applies the rows in the order a task reading two partitions does (poll by poll, one
 * partition's rows, then the other's), not in time order.
 */
public final class IngestHotPathBench {
  private IngestHotPathBench() {}

  public static void main(String[] args) {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    boolean polled = args.length > 2 && args[2].equals("polled");
    int maxRowsInMemory = 100_000;
    byte[][] records = records(rows);
    DataSchema schema = new DataSchema("metrics", new TimestampSpec("time", "auto", null),
        DimensionsSpec.of(List.of("url", "user")),
        List.of(new CountAggregatorFactory("views"), new DoubleSumAggregatorFactory("latencyMs", "latencyMs", null)),
        new GranularitySpec(null, Granularities.HOUR, Granularities.NONE, true, null), null, null);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int pass = 0; pass < passes; pass++) {
      RowIngestionMeters meters = new RowIngestionMeters();
      StreamAppenderator[] appenderator = {null};
      RecordProcessor processor = new RecordProcessor(JsonInputFormat.defaults(),
          new InputRowParser(schema.getTimestampSpec(), schema.getDimensionsSpec(), schema.metricFields()),
          RecordProcessor.RowFilter.ACCEPT_ALL, row -> appenderator[0].add(row), meters,
          new ParseExceptionHandler("bench", meters, false, 0, 0, System::currentTimeMillis));
      long cpu = threads.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      for (int n = 0; n < rows; n++) {
        int i = polled ? polledOrder(n, rows) : n;
        if (n % maxRowsInMemory == 0) {
          appenderator[0] = new StreamAppenderator(schema, "seq",
              (ds, interval, seq) -> new SegmentId(ds, interval, "v1", 0), new SegmentRegistry());
        }
        processor.process(new InputEntity("metrics", i & 1, i >> 1, 0L, null, records[i], List.of()));
      }
      cpu = threads.getCurrentThreadCpuTime() - cpu;
      wall = System.nanoTime() - wall;
      System.out.printf("pass %d: %d rows, %.0f ns CPU/row (%.0f rows per CPU-s), wall %.0f ms, processed %d%n",
          pass, rows, (double) cpu / rows, rows * 1e9 / cpu, wall / 1e6, meters.processed());
    }
  }

  /**
   * The {@code n}th row a task reading the bench's two partitions applies: polls of 500 records
   * bring one partition's 250 rows, then the other's (rows i and i + 1 are in different partitions).
   */
  private static int polledOrder(int n, int rows) {
    int poll = n / 500 * 500;
    int k = n - poll;
    int size = Math.min(500, rows - poll);
    int firstPartition = (size + 1) / 2;
    return k < firstPartition ? poll + 2 * k : poll + 2 * (k - firstPartition) + 1;
  }

  /** The rows of BenchDataset: same times, url/user/latency from Random(20180306). */
  private static byte[][] records(int rows) {
    Random random = new Random(20180306L);
    long dayStart = Instant.parse("2018-03-06T00:00:00Z").toEpochMilli();
    byte[][] out = new byte[rows][];
    for (int i = 0; i < rows; i++) {
      long time = dayStart + Math.floorDiv((long) i * 86_400_000L, rows);
      String json = "{\"time\": \"" + Instant.ofEpochMilli(time).toString().replace("Z", "")
          + (time % 1000 == 0 ? ".000" : "") + "Z\", \"url\": \"/page/" + random.nextInt(1000) + "\", \"user\": \"user"
          + random.nextInt(10_000) + "\", \"latencyMs\": " + (1 + random.nextInt(1000)) + "}";
      out[i] = json.getBytes(StandardCharsets.UTF_8);
    }
    return out;
  }
}
