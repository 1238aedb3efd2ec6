package io.kafkaindexing.supervisor.kafka;

import static io.kafkaindexing.supervisor.SupervisorTestSupport.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.indexing.kafka.KafkaIndexTask;
import io.kafkaindexing.indexing.kafka.KafkaIndexTaskIOConfig;
import io.kafkaindexing.indexing.kafka.KafkaPartition;
import io.kafkaindexing.indexing.kafka.PartitionOffsets;
import io.kafkaindexing.indexing.task.SegmentAllocator;
import io.kafkaindexing.indexing.task.TaskState;
import io.kafkaindexing.indexing.task.TaskToolbox;
import io.kafkaindexing.query.SegmentRegistry;
import io.kafkaindexing.supervisor.SupervisorReport;
import io.kafkaindexing.supervisor.SupervisorStateManager;
import io.kafkaindexing.supervisor.SupervisorTestSupport;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.junit.jupiter.api.Test;

/** The status report JSON against Druid's field order (druid-facts 2.1-2.3). */
class StatusReportBuilderTest {
  private static final ObjectMapper MAPPER = SupervisorTestSupport.mapper();
  private static final String SEED = SupervisorTestSupport.read("seed/supervisor-spec.json")
      .replace("localhost:9092", "127.0.0.1:1");
  private static final KafkaSupervisorSpec SPEC = (KafkaSupervisorSpec) SupervisorTestSupport.parse(MAPPER, SEED);
  private static final List<String> PAYLOAD_KEYS = List.of("dataSource", "stream", "partitions", "replicas",
      "durationSeconds", "activeTasks", "publishingTasks", "latestOffsets", "minimumLag", "aggregateLag",
      "offsetsLastUpdated", "suspended", "healthy", "state", "detailedState", "recentErrors");

  private static KafkaIndexTask task(String base, Map<Integer, Long> start, Map<Integer, Long> end) {
    KafkaIndexTaskIOConfig io = new KafkaIndexTaskIOConfig(0, base, PartitionOffsets.of("metrics", start),
        PartitionOffsets.of("metrics", end), SPEC.getIoConfig().getConsumerProperties(), 50L, SPEC.inputFormat(),
        null, null, null);
    return new KafkaIndexTask(TaskIds.taskId(base), SPEC.getDataSchema(), SPEC.getTuningConfig(), io, null);
  }

  private static TaskGroup group(int id, Map<Integer, Long> start, KafkaIndexTask... tasks) {
    TaskGroup g = new TaskGroup(id, KafkaPartition.keyed(start).keySet(), KafkaPartition.keyed(start),
        "index_kafka_metrics-kafka_0123456789abcde", null, null);
    g.tasks.addAll(List.of(tasks));
    return g;
  }

  private static Map<Integer, Long> offsets(long... partitionThenOffset) {
    Map<Integer, Long> m = new TreeMap<>();
    for (int i = 0; i < partitionThenOffset.length; i += 2) {
      m.put((int) partitionThenOffset[i], partitionThenOffset[i + 1]);
    }
    return m;
  }

  private static JsonNode report(SupervisorStateManager state, List<TaskGroup> groups, int partitions,
      Map<Integer, Long> latest, DateTime updated) {
    KafkaSupervisorReportPayload payload = new StatusReportBuilder(SPEC, state).build(groups, partitions,
        KafkaPartition.keyed(latest), updated);
    return tree(new SupervisorReport(SPEC.getId(), DateTime.now(DateTimeZone.UTC), payload));
  }

  /** The JSON as a client reads it (numbers typed by their text, not by the Java type written). */
  private static JsonNode tree(Object value) {
    try {
      return MAPPER.readTree(MAPPER.writeValueAsString(value));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void fullReportHasDruidsShape() throws Exception {
    String base = "index_kafka_metrics-kafka_0123456789abcde";
    KafkaIndexTask task = task(base, offsets(0, 10, 1, 5), offsets(0, PartitionOffsets.UNBOUNDED,
        1, PartitionOffsets.UNBOUNDED));
    DateTime updated = new DateTime("2023-07-05T23:24:30.212Z", DateTimeZone.UTC);
    JsonNode report = report(new SupervisorStateManager(), List.of(group(0, offsets(0, 10, 1, 5), task)), 2,
        Map.of(0, 15L, 1, 4L), updated);

    assertEquals(List.of("id", "generationTime", "payload"), keys(report));
    assertEquals("metrics-kafka", report.get("id").asText());
    assertTrue(report.get("generationTime").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
        report.get("generationTime").asText());
    JsonNode payload = report.get("payload");
    assertEquals(PAYLOAD_KEYS, keys(payload));
    assertEquals(MAPPER.readTree("{\"dataSource\":\"metrics-kafka\",\"stream\":\"metrics\",\"partitions\":2,"
        + "\"replicas\":1,\"durationSeconds\":3600,"
        + "\"activeTasks\":[{\"id\":\"" + task.getId() + "\",\"startingOffsets\":{\"0\":10,\"1\":5},\"startTime\":null,"
        + "\"remainingSeconds\":null,\"type\":\"ACTIVE\",\"currentOffsets\":{\"0\":10,\"1\":5},"
        + "\"lag\":{\"0\":5,\"1\":-1}}],"
        + "\"publishingTasks\":[],\"latestOffsets\":{\"0\":15,\"1\":4},\"minimumLag\":{\"0\":5,\"1\":-1},"
        + "\"aggregateLag\":5,\"offsetsLastUpdated\":\"2023-07-05T23:24:30.212Z\",\"suspended\":false,"
        + "\"healthy\":true,\"state\":\"PENDING\",\"detailedState\":\"PENDING\",\"recentErrors\":[]}"), payload);
    assertEquals(List.of("id", "startingOffsets", "startTime", "remainingSeconds", "type", "currentOffsets", "lag"),
        keys(payload.get("activeTasks").get(0)));
  }

  @Test
  void withoutLatestOffsetsTheLagFieldsAreOmitted() {
    KafkaIndexTask task = task("b", offsets(0, 0), offsets(0, PartitionOffsets.UNBOUNDED));
    JsonNode payload = report(new SupervisorStateManager(), List.of(group(0, offsets(0, 0), task)), 1, Map.of(), null)
        .get("payload");
    List<String> expected = new java.util.ArrayList<>(PAYLOAD_KEYS);
    expected.removeAll(List.of("latestOffsets", "minimumLag", "aggregateLag", "offsetsLastUpdated"));
    assertEquals(expected, keys(payload));
    assertEquals(List.of("id", "startingOffsets", "startTime", "remainingSeconds", "type", "currentOffsets"),
        keys(payload.get("activeTasks").get(0)), "no lag without latest offsets");
  }

  @Test
  void noTasksYet() {
    JsonNode payload = report(new SupervisorStateManager(), List.of(), 0, Map.of(), null).get("payload");
    assertEquals(0, payload.get("partitions").asInt());
    assertEquals(0, payload.get("activeTasks").size());
    assertEquals(0, payload.get("publishingTasks").size());
  }

  @Test
  void minimumLagUsesTheFurthestReplicaAndAggregateIgnoresNegatives() {
    KafkaIndexTask a = task("b", offsets(0, 10, 2, 0), offsets(0, 10, 2, 0));
    KafkaIndexTask b = task("b", offsets(0, 10, 2, 0), offsets(0, 10, 2, 0));
    KafkaIndexTask other = task("c", offsets(1, 3), offsets(1, 3));
    JsonNode payload = report(new SupervisorStateManager(), List.of(group(0, offsets(0, 10, 2, 0), a, b),
        group(1, offsets(1, 3), other)), 3, Map.of(0, 100L, 1, 2L, 2, 7L), DateTime.now(DateTimeZone.UTC))
        .get("payload");
    assertEquals(3, payload.get("activeTasks").size(), "every replica is listed");
    assertEquals(tree(Map.of("0", 90, "1", -1, "2", 7)), payload.get("minimumLag"));
    assertEquals(97, payload.get("aggregateLag").asLong(), "sum of max(lag, 0)");
  }

  @Test
  void runningTaskHasStartTimeAndRemainingSeconds() throws Exception {
    // A task whose start offsets are its end offsets runs and ends at once without a broker.
    KafkaIndexTask task = task("b", offsets(0, 4), offsets(0, 4));
    SegmentAllocator allocator =
        (dataSource, interval, sequence) -> new io.kafkaindexing.segment.SegmentId(dataSource, interval, "v1", 0);
    assertEquals(TaskState.SUCCESS, task.run(new TaskToolbox(new SegmentRegistry(), allocator, MAPPER)).getStatus());
    JsonNode entry = report(new SupervisorStateManager(), List.of(group(0, offsets(0, 4), task)), 1, Map.of(0, 9L),
        DateTime.now(DateTimeZone.UTC)).get("payload").get("activeTasks").get(0);
    assertEquals(new DateTime(task.startTime().getMillis(), DateTimeZone.UTC).toString(),
        entry.get("startTime").asText());
    long remaining = entry.get("remainingSeconds").asLong();
    assertTrue(remaining >= 3590 && remaining <= 3600, "taskDuration minus elapsed: " + remaining);
    assertEquals(tree(Map.of("0", 5)), entry.get("lag"));
  }

  @Test
  void stateAndErrorsComeFromTheStateManager() {
    SupervisorStateManager state = new SupervisorStateManager();
    for (int i = 0; i < 3; i++) {
      state.recordError(new StreamMetadata.StreamException("Could not fetch partitions for topic[metrics]", null),
          true);
    }
    JsonNode payload = report(state, List.of(), 0, Map.of(), null).get("payload");
    assertFalse(payload.get("healthy").asBoolean());
    assertEquals("UNHEALTHY_SUPERVISOR", payload.get("state").asText());
    assertEquals("UNABLE_TO_CONNECT_TO_STREAM", payload.get("detailedState").asText());
    assertEquals(3, payload.get("recentErrors").size());
    JsonNode error = payload.get("recentErrors").get(0);
    assertEquals(StreamMetadata.StreamException.class.getName(), error.get("exceptionClass").asText());
    assertEquals("Could not fetch partitions for topic[metrics]", error.get("message").asText());
    assertTrue(error.get("streamException").asBoolean());
  }

  @Test
  void suspendedSpecIsReported() {
    KafkaSupervisorSpec suspended = SPEC.withSuspended(true);
    KafkaSupervisorReportPayload payload = new StatusReportBuilder(suspended, new SupervisorStateManager())
        .build(List.of(), 0, Map.of(), null);
    assertTrue(payload.suspended());
    assertEquals(Set.of(), Set.copyOf(payload.activeTasks()));
  }
}
