package io.kafkaindexing.server.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkaindexing.core.config.RuntimeProperties;
import io.kafkaindexing.core.guice.NodeRole;
import io.kafkaindexing.core.storage.SegmentFiles;
import io.kafkaindexing.server.EmbeddedServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The end-to-end benchmark (issue 6), run by {@code bin/bench}: generates the dataset, produces it to
 * an embedded Kafka broker, starts the server in this JVM, POSTs the seed's supervisor spec over HTTP
 * and measures ingestion, queries over real-time and handed-off segments, produce-to-queryable latency
 * and memory; checks the answers against the generator and fails (exit 1) if one is wrong. See
 * {@code docs/benchmarks.md}.
 */
public final class Bench {
  static final String TOPIC = "metrics";
  static final String DATA_SOURCE = "metrics-kafka";
  static final String LATENCY_TOPIC = "metrics-latency";
  static final String LATENCY_DATA_SOURCE = "metrics-latency";
  static final String AGAIN_TOPIC = "metrics-again";
  static final String AGAIN_DATA_SOURCE = "metrics-again";

  private final BenchOptions options;
  private final BenchReport report = new BenchReport();
  private final BenchHttp http = new BenchHttp();

  private Bench(BenchOptions options) {
    this.options = options;
  }

  /** {@code Bench <install dir> [options]}. */
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println(BenchOptions.USAGE);
      System.exit(2);
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(Path.of(args[0]), java.util.Arrays.copyOfRange(args, 1, args.length));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    // Before any logging: the logging configuration writes task logs and the bench log here.
    System.setProperty(EmbeddedServer.TASK_LOGS_PROPERTY, options.workDir().resolve("task-logs").toString());
    try {
      new Bench(options).run();
    } catch (QueryPhase.WrongAnswerException e) {
      System.err.println("WRONG ANSWER: " + e.getMessage());
      System.exit(1);
    } catch (Exception e) {
      System.err.println("Benchmark failed: " + e);
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  private void run() throws Exception {
    SegmentFiles.deleteRecursively(options.workDir());
    Files.createDirectories(options.workDir());
    report.put("environment", environment());
    say("Generating and producing %,d rows to topic[%s] (%d partitions)", options.rows(), TOPIC, options.partitions());
    try (MemorySampler memory = new MemorySampler(); BenchKafka kafka = new BenchKafka(options.workDir().resolve("kafka"))) {
      kafka.createTopic(TOPIC, options.partitions());
      GroundTruth truth = new GroundTruth();
      long produceStart = System.nanoTime();
      kafka.produceAll(TOPIC, options.partitions(), new BenchDataset(options.rows()), truth);
      double produceS = (System.nanoTime() - produceStart) / 1e9;
      report.put("produce", Map.of("rows", truth.rows(), "seconds", Percentiles.round(produceS),
          "rows_per_s", Math.round(truth.rows() / produceS), "latency_ms_sum", truth.latencySum()));
      long peakBeforeServer = ProcessMemory.peakRssBytes();
      // Give back the heap the generator and producer grew, so that the figures after this are the server's.
      System.gc();
      ProcessMemory.resetPeakRss();

      say("Starting the server");
      long serverStart = System.nanoTime();
      try (EmbeddedServer server = EmbeddedServer.start(serverProperties())) {
        double startupMs = (System.nanoTime() - serverStart) / 1e6;
        report.put("server", Map.of("startup_ms", Percentiles.round(startupMs), "overlord", server.url(NodeRole.OVERLORD),
            "broker", server.url(NodeRole.BROKER), "peak_rss_before_post_bytes", ProcessMemory.peakRssBytes(),
            "peak_rss_while_producing_bytes", peakBeforeServer));
        measure(server, kafka, truth, memory);
      }
    } finally {
      report.writeJson(options.out());
      report.printTable(System.out);
      say("All figures: %s", options.out());
      if (!options.keep()) {
        SegmentFiles.deleteRecursively(options.workDir());
      }
    }
  }

  private void measure(EmbeddedServer server, BenchKafka kafka, GroundTruth truth, MemorySampler memory)
      throws Exception {
    String overlord = server.url(NodeRole.OVERLORD);
    String broker = server.url(NodeRole.BROKER);
    // As a deployment checks a new server before using it (docs/quickstart.md's walkthrough does too);
    // also makes this client's first connection to each port here, not in the POST's timing.
    http.getOk(overlord + "/status/health");
    http.getOk(broker + "/status/health");
    say("POSTing the seed's spec (taskCount %d) and waiting for %,d rows", options.taskCount(), truth.rows());
    long timeoutMs = 120_000 + truth.rows() / 5;
    Map<String, Object> ingestion = new IngestionPhase(http, overlord, broker)
        .run(spec(DATA_SOURCE, TOPIC, kafka.bootstrapServers()), DATA_SOURCE, truth, timeoutMs, memory);
    report.put("ingestion", ingestion);
    say("All rows queryable after %s ms", ingestion.get("wall_ms_post_to_all_queryable"));

    QueryPhase queries = new QueryPhase(http, broker, options.warmups(), options.runs());
    say("Queries over real-time data");
    report.put("queries_realtime", queries.run(BenchQueries.all(DATA_SOURCE), truth));
    report.put("topN_accuracy_realtime", topNAccuracy(broker, truth));

    say("Handing off (suspending the supervisor)");
    Map<String, Object> handoff = new LinkedHashMap<>(new Handoff(http, overlord).run(DATA_SOURCE, timeoutMs));
    long[] deep = Handoff.deepStorage(options.workDir().resolve("segments"));
    handoff.put("deep_storage_bytes", deep[0]);
    handoff.put("segments", deep[1]);
    handoff.put("bytes_per_row", Percentiles.round((double) deep[0] / truth.rows()));
    report.put("handoff", handoff);
    say("Queries over handed-off segments");
    report.put("queries_historical", queries.run(BenchQueries.all(DATA_SOURCE), truth));
    report.put("topN_accuracy_historical", topNAccuracy(broker, truth));

    if (options.again()) {
      ingestAgain(kafka, overlord, broker, timeoutMs, memory);
    }
    if (options.latencyRate() > 0) {
      say("Produce-to-queryable latency at %,d rows/s for %d s", options.latencyRate(), options.latencySeconds());
      kafka.createTopic(LATENCY_TOPIC, options.partitions());
      http.postOk(overlord + "/druid/indexer/v1/supervisor", spec(LATENCY_DATA_SOURCE, LATENCY_TOPIC,
          kafka.bootstrapServers()));
      LatencyPhase latency = new LatencyPhase(kafka, http, broker, LATENCY_TOPIC, LATENCY_DATA_SOURCE,
          options.partitions());
      latency.warmUp(120_000);
      report.put("produce_to_queryable", latency.run(options.latencyRate(), options.latencySeconds()));
    }
    memory.sample();
    Map<String, Object> mem = new LinkedHashMap<>();
    mem.put("peak_rss_after_post_bytes", ProcessMemory.peakRssBytes());
    mem.put("rss_now_bytes", ProcessMemory.rssBytes());
    mem.put("peak_heap_used_sampled_bytes", memory.maxHeapBytes());
    mem.put("max_heap_bytes", ProcessMemory.maxHeapBytes());
    mem.put("note", "one JVM: the server, its Kafka broker and the bench's producer and HTTP client");
    report.put("memory", mem);
  }

  /**
   * Produces the same rows to a second topic and ingests them into a second data source on this
   * server, whose ingestion and query code the first run has compiled, then runs the queries over
   * them in real time; reported as {@code ingestion_again} and {@code queries_realtime_again}.
   */
  private void ingestAgain(BenchKafka kafka, String overlord, String broker, long timeoutMs, MemorySampler memory)
      throws Exception {
    say("Producing the rows again to topic[%s]", AGAIN_TOPIC);
    kafka.createTopic(AGAIN_TOPIC, options.partitions());
    GroundTruth truth = new GroundTruth();
    kafka.produceAll(AGAIN_TOPIC, options.partitions(), new BenchDataset(options.rows()), truth);
    System.gc();
    say("POSTing the spec of data source[%s] on the same server and waiting for %,d rows", AGAIN_DATA_SOURCE,
        truth.rows());
    Map<String, Object> ingestion = new IngestionPhase(http, overlord, broker).run(
        spec(AGAIN_DATA_SOURCE, AGAIN_TOPIC, kafka.bootstrapServers()), AGAIN_DATA_SOURCE, truth, timeoutMs, memory);
    report.put("ingestion_again", ingestion);
    say("All rows queryable after %s ms", ingestion.get("wall_ms_post_to_all_queryable"));
    report.put("queries_realtime_again", new QueryPhase(http, broker, options.warmups(), options.runs())
        .run(BenchQueries.all(AGAIN_DATA_SOURCE), truth));
  }

  private Map<String, Object> topNAccuracy(String broker, GroundTruth truth) throws Exception {
    BenchQueries.BenchQuery topN = BenchQueries.all(DATA_SOURCE).stream().filter(q -> q.name().startsWith("topN"))
        .findFirst().orElseThrow();
    return BenchQueries.topNAccuracy(http.postOk(broker + "/druid/v2", topN.json()), truth);
  }

  /** The seed's spec with the bench's topic, broker, data source and task count, reading from the earliest offset. */
  String spec(String dataSource, String topic, String bootstrapServers) throws IOException {
    ObjectNode spec;
    try (InputStream in = Bench.class.getResourceAsStream("supervisor-spec.json")) {
      if (in == null) {
        throw new IllegalStateException("The seed's supervisor-spec.json is missing from the classpath");
      }
      spec = (ObjectNode) BenchHttp.JSON.readTree(in);
    }
    ((ObjectNode) spec.get("dataSchema")).put("dataSource", dataSource);
    ObjectNode io = (ObjectNode) spec.get("ioConfig");
    io.put("topic", topic);
    io.put("taskCount", options.taskCount());
    io.put("useEarliestOffset", true);
    if (options.startDelay() != null) {
      io.put("startDelay", options.startDelay());
    }
    ((ObjectNode) io.get("consumerProperties")).put("bootstrap.servers", bootstrapServers);
    return BenchHttp.JSON.writeValueAsString(spec);
  }

  /** The quickstart's configuration with every path under the work directory, free ports and no embedded Kafka. */
  private RuntimeProperties serverProperties() throws IOException {
    Path dir = options.workDir();
    RuntimeProperties p = RuntimeProperties.load(options.home().resolve("conf/quickstart/runtime.properties"));
    Map<String, String> overrides = Map.of(
        "druid.server.overlordPort", "0",
        "druid.server.brokerPort", "0",
        "druid.metadata.storage.connector.connectURI", "jdbc:derby:" + dir.resolve("metadata.db") + ";create=true",
        "druid.storage.storageDirectory", dir.resolve("segments").toString(),
        "druid.segmentCache.locations", "[{\"path\":\"" + dir.resolve("segment-cache") + "\"}]",
        "druid.indexer.task.baseTaskDir", dir.resolve("task").toString(),
        EmbeddedServer.TASK_LOGS_PROPERTY, dir.resolve("task-logs").toString(),
        "druid.extensions.directory", options.home().resolve("extensions").toString(),
        "druid.kafka.embedded.enabled", "false");
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      p = p.with(e.getKey(), e.getValue());
    }
    return p;
  }

  private Map<String, Object> environment() {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("date", Instant.now().toString());
    env.put("options", options.toString());
    env.put("available_processors", Runtime.getRuntime().availableProcessors());
    env.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    env.put("max_heap_bytes", ProcessMemory.maxHeapBytes());
    env.put("input_arguments", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
    try {
      env.put("loadavg_at_start", Files.readString(Path.of("/proc/loadavg")).trim());
    } catch (IOException e) {
      env.put("loadavg_at_start", "n/a");
    }
    return env;
  }

  private static void say(String format, Object... args) {
    System.out.printf("%s  %s%n", Instant.now().toString().substring(11, 19), String.format(format, args));
  }
}
