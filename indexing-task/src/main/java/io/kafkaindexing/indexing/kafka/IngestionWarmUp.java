package io.kafkaindexing.indexing.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.storage.SegmentFiles;
import io.kafkaindexing.indexing.appenderator.PersistConfig;
import io.kafkaindexing.indexing.appenderator.StreamAppenderator;
import io.kafkaindexing.indexing.input.InputRowParser;
import io.kafkaindexing.indexing.input.json.JsonInputFormat;
import io.kafkaindexing.indexing.spec.DataSchema;
import io.kafkaindexing.indexing.spec.GranularitySpec;
import io.kafkaindexing.indexing.task.ParseExceptionHandler;
import io.kafkaindexing.indexing.task.RecordProcessor;
import io.kafkaindexing.indexing.task.RowIngestionMeters;
import io.kafkaindexing.indexing.task.SegmentPusher;
import io.kafkaindexing.query.Query;
import io.kafkaindexing.query.QueryExecutor;
import io.kafkaindexing.query.SegmentRegistry;
import io.kafkaindexing.segment.DataSegment;
import io.kafkaindexing.segment.SegmentId;
import io.kafkaindexing.segment.aggregation.CountAggregatorFactory;
import io.kafkaindexing.segment.aggregation.DoubleSumAggregatorFactory;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.spec.DimensionsSpec;
import io.kafkaindexing.segment.spec.TimestampSpec;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/**
 * A small ingestion through a Kafka index task's own code, run once at server start-up so that the
 * JIT has compiled the task's per-row path before the first real task: reading JSON records into
 * rows on a read-ahead worker, counting and rollup into hourly incremental indexes on the calling
 * thread while another thread queries them, background persists, native queries over the persisted
 * rows, and the merge of the persisted parts. A task on a fresh JVM otherwise spends its first
 * seconds in interpreted and lightly optimised code while the compiler threads take a core
 * (measured with {@code bin/bench}: about 250,000 rows/s for the first 2.5 s, then 650,000). The
 * rows have the shape of the quickstart's metrics (time, url, user, latencyMs; count and doubleSum),
 * go to a private segment registry that no client's query sees, and live in a temporary directory
 * removed afterwards; nothing is published or pushed. Each call has its own registry, directory and
 * threads.
 */
public final class IngestionWarmUp {
  /** Records per simulated poll (the Kafka consumer's default {@code max.poll.records}). */
  private static final int POLL_RECORDS = 500;
  private static final String TOPIC = "warm-up";
  /** 2000-01-01T00:00:00Z: the rows' first hour. */
  private static final long FIRST_HOUR = 946_684_800_000L;

  /** Pause between the queries over the rows being ingested. */
  private static final long READ_PAUSE_MILLIS = 2;
  /** Runs of each query over the persisted rows. */
  private static final int QUERY_RUNS = 25;
  private static final String DS_AND_INTERVAL = "\"dataSource\":\"" + TOPIC + "\","
      + "\"intervals\":[\"2000-01-01/2000-01-02\"],";
  private static final String SUMS = "\"aggregations\":[{\"type\":\"longSum\",\"name\":\"views\","
      + "\"fieldName\":\"views\"},{\"type\":\"doubleSum\",\"name\":\"latencyMs\",\"fieldName\":\"latencyMs\"}]";
  /** A count over everything (what a client polls while rows arrive), then the bench's four queries. */
  private static final List<String> QUERIES = List.of(
      "{\"queryType\":\"timeseries\"," + DS_AND_INTERVAL + "\"granularity\":\"all\"," + SUMS + "}",
      "{\"queryType\":\"search\"," + DS_AND_INTERVAL + "\"granularity\":\"all\",\"searchDimensions\":[\"user\"],"
          + "\"query\":{\"type\":\"insensitive_contains\",\"value\":\"user4242\"}}",
      "{\"queryType\":\"timeseries\"," + DS_AND_INTERVAL + "\"granularity\":\"hour\"," + SUMS + "}",
      "{\"queryType\":\"topN\"," + DS_AND_INTERVAL + "\"granularity\":\"all\",\"dimension\":\"user\","
          + "\"metric\":\"views\",\"threshold\":10," + SUMS + "}",
      "{\"queryType\":\"groupBy\"," + DS_AND_INTERVAL + "\"granularity\":\"all\",\"dimensions\":[\"url\"],"
          + "\"limitSpec\":{\"type\":\"default\",\"limit\":100}," + SUMS + "}");

  /** What a warm-up did: rows indexed, segments merged, queries run, and how long it took. */
  public record Result(long rowsProcessed, int segmentsMerged, long queriesRun, long millis) {
  }

  private IngestionWarmUp() {}

  /**
   * Ingests {@code rows} synthetic records over four hours in a temporary directory under
   * {@code parent} (the system's temporary directory if null), persisting every
   * {@code rows / 4} rows, while another thread queries the real-time rows as a Broker would;
   * then queries the persisted rows with the four query types of {@code bin/bench}
   * {@value #QUERY_RUNS} times each, merges each hour's parts and deletes the directory.
   * {@code mapper} reads the queries, as the Broker's does (so it has their deserializers after).
   *
   * @throws IOException if the temporary directory cannot be written
   */
  public static Result run(int rows, File parent, ObjectMapper mapper) throws IOException {
    long start = System.nanoTime();
    Path dir = parent == null ? Files.createTempDirectory("kafka-indexing-warm-up")
        : Files.createTempDirectory(parent.toPath(), "kafka-indexing-warm-up");
    try {
      DataSchema schema = schema();
      PersistConfig persist = new PersistConfig(Math.max(1, rows / 4), Long.MAX_VALUE, Long.MAX_VALUE,
          dir.resolve("persist").toFile());
      RowIngestionMeters meters = new RowIngestionMeters();
      SegmentRegistry registry = new SegmentRegistry();
      QueryExecutor executor = new QueryExecutor(registry);
      List<Query> queries = new ArrayList<>();
      for (String json : QUERIES) {
        queries.add(mapper.readValue(json, Query.class));
      }
      Set<DataSegment> merged;
      long queriesRun;
      try (StreamAppenderator appenderator = new StreamAppenderator(schema, TOPIC,
          (dataSource, interval, sequence) -> new SegmentId(dataSource, interval, "warm-up", 0),
          registry, persist, false)) {
        RecordProcessor processor = new RecordProcessor(JsonInputFormat.defaults(),
            new InputRowParser(schema.getTimestampSpec(), schema.getDimensionsSpec(), schema.metricFields()),
            RecordProcessor.RowFilter.ACCEPT_ALL, appenderator::add, meters,
            new ParseExceptionHandler(TOPIC, meters, false, 0, 0, System::currentTimeMillis));
        RealTimeReader reader = new RealTimeReader(executor, queries.get(0));
        try {
          read(processor, meters, rows);
        } finally {
          queriesRun = reader.stop();
        }
        appenderator.persistAll();
        for (int run = 0; run < QUERY_RUNS; run++) {
          for (Query query : queries) {
            executor.run(query);
            queriesRun++;
          }
        }
        merged = appenderator.mergeAndPush(IngestionWarmUp::keepInPlace, dir.resolve("merged").toFile());
      }
      return new Result(meters.processed(), merged.size(), queriesRun, (System.nanoTime() - start) / 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(0, 0, 0, (System.nanoTime() - start) / 1_000_000);
    } finally {
      SegmentFiles.deleteRecursively(dir);
    }
  }

  /**
   * Runs a query over the rows being ingested every {@value #READ_PAUSE_MILLIS} ms on its own
   * thread, as the Broker does while a task ingests: the index's writes then meet readers during
   * the warm-up too, and are compiled for it.
   */
  private static final class RealTimeReader {
    private final Thread thread;
    private volatile boolean stop;
    private volatile long runs;

    RealTimeReader(QueryExecutor executor, Query query) {
      thread = new Thread(() -> {
        while (!stop) {
          try {
            executor.run(query);
          } catch (RuntimeException e) {
            return; // the ingestion goes on without this reader
          }
          runs++;
          try {
            Thread.sleep(READ_PAUSE_MILLIS);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "ingestion-warm-up-queries");
      thread.setDaemon(true);
      thread.start();
    }

    /** Stops the thread; returns how many queries it ran. */
    long stop() throws InterruptedException {
      stop = true;
      thread.join();
      return runs;
    }
  }

  /**
   * Polls of records handed to one read-ahead worker and applied on this thread, as a task's read
   * loop does, from a topic of two partitions (row i in partition i % 2): a poll returns one
   * partition's records, then the other's (either first), so the index sees times a little out of
   * order, later and earlier than the ones before.
   */
  private static void read(RecordProcessor processor, RowIngestionMeters meters, int rows)
      throws InterruptedException {
    List<KafkaPartition> partitions = List.of(new KafkaPartition(TOPIC, 0), new KafkaPartition(TOPIC, 1));
    Consumer<List<ReadAhead.Read>> apply = chunk -> chunk.forEach(r -> processor.apply(r.read()));
    Random random = new Random(20000101L);
    byte[][] records = new byte[POLL_RECORDS][];
    try (ReadAhead readAhead = new ReadAhead(processor, 1, TOPIC)) {
      for (int from = 0; from < rows; from += POLL_RECORDS) {
        int to = Math.min(rows, from + POLL_RECORDS);
        for (int i = from; i < to; i++) {
          records[i - from] = record(i, rows, random);
        }
        List<ReadAhead.Polled> poll = new ArrayList<>(POLL_RECORDS);
        int firstPartition = random.nextInt(2); // either partition's records may come first
        for (int n = 0; n < partitions.size(); n++) {
          int p = (firstPartition + n) % 2;
          for (int i = from + Math.floorMod(p - from, 2); i < to; i += 2) {
            poll.add(new ReadAhead.Polled(partitions.get(p), new ConsumerRecord<>(TOPIC, p, i / 2, null,
                records[i - from])));
          }
        }
        readAhead.submit(poll);
        readAhead.applyAllButLatestPoll(apply);
        meters.tick();
      }
      readAhead.drain(apply);
    }
  }

  /**
   * Row {@code i} of {@code rows}, in time order over four hours, in the quickstart's metrics shape:
   * {@code {"time":"2000-01-01T01:02:03.456Z","url":"/page/N","user":"userN","latencyMs":N}}, every
   * other row with a space after each colon and comma (as most JSON writers put them).
   */
  private static byte[] record(int i, int rows, Random random) {
    long millis = FIRST_HOUR + Math.floorDiv(i * 4L * 3_600_000L, Math.max(1, rows));
    String colon = i % 2 == 0 ? ":" : ": ";
    String comma = i % 2 == 0 ? "," : ", ";
    String json = "{\"time\"" + colon + "\"" + new DateTime(millis, DateTimeZone.UTC) + "\"" + comma
        + "\"url\"" + colon + "\"/page/" + random.nextInt(1000) + "\"" + comma
        + "\"user\"" + colon + "\"user" + random.nextInt(10_000) + "\"" + comma
        + "\"latencyMs\"" + colon + (1 + random.nextInt(1000)) + "}";
    return json.getBytes(StandardCharsets.US_ASCII);
  }

  private static DataSchema schema() {
    return new DataSchema(TOPIC, new TimestampSpec("time", "auto", null), DimensionsSpec.of(List.of("url", "user")),
        List.of(new CountAggregatorFactory("views"), new DoubleSumAggregatorFactory("latencyMs", "latencyMs", null)),
        new GranularitySpec(null, Granularities.HOUR, Granularities.NONE, true, null), null, null);
  }

  /** The merged segment stays where it was written (the warm-up has no deep storage); it is deleted with the rest. */
  private static SegmentPusher.Pushed keepInPlace(File segmentDir, SegmentId id) {
    return new SegmentPusher.Pushed(Map.of("type", "local", "path", segmentDir.getPath()), 0);
  }
}
