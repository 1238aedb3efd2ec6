package io.kafkaindexing.indexing.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.indexing.TestMappers;
import io.kafkaindexing.indexing.input.json.JsonInputFormat;
import io.kafkaindexing.indexing.spec.DataSchema;
import io.kafkaindexing.indexing.task.TaskState;
import io.kafkaindexing.indexing.task.TaskStatus;
import io.kafkaindexing.indexing.task.TaskToolbox;
import io.kafkaindexing.query.SegmentRegistry;
import io.kafkaindexing.segment.SegmentId;
import io.kafkaindexing.segment.spec.TimestampSpec;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The task's read loop without a broker: the consumer points at a closed port, so these tests cover
 * start-up, end-offset handling and stopping, not reading (the distribution's end-to-end tests read
 * from a real broker).
 */
class KafkaIndexTaskRunnerTest {
  private static final String UNREACHABLE = "127.0.0.1:1";

  private static KafkaIndexTask task(Map<Integer, Long> start, Map<Integer, Long> end) {
    KafkaIndexTaskIOConfig io = new KafkaIndexTaskIOConfig(0, "index_kafka_ds_0123456789abcde",
        PartitionOffsets.of("metrics", start), PartitionOffsets.of("metrics", end),
        Map.of("bootstrap.servers", UNREACHABLE, "reconnect.backoff.max.ms", "100"), 50L,
        JsonInputFormat.defaults(), null, null, null);
    return new KafkaIndexTask("index_kafka_ds_0123456789abcde_abcdefgh",
        new DataSchema("ds", new TimestampSpec("time", null, null), null, null, null, null, null),
        null, io, null);
  }

  private static TaskToolbox toolbox(SegmentRegistry registry) {
    return new TaskToolbox(registry, (ds, interval, seq) -> new SegmentId(ds, interval, "v", 0),
        TestMappers.create());
  }

  @Test
  void taskWhoseStartOffsetsAreItsEndOffsetsSucceedsAtOnce() throws Exception {
    KafkaIndexTask task = task(Map.of(0, 7L, 1, 3L), Map.of(0, 7L, 1, 3L));
    assertNull(task.startTime());
    TaskStatus status = task.run(toolbox(new SegmentRegistry()));
    assertEquals(TaskState.SUCCESS, status.getStatus(), String.valueOf(status));
    assertNotNull(task.startTime());
    assertEquals(KafkaPartition.keyed(Map.of(0, 7L, 1, 3L)), task.currentOffsets());
    assertEquals(0, task.runner().meters().processed());
  }

  @Test
  void stopEndsAnUnboundedTaskWithoutPublishing() throws Exception {
    KafkaIndexTask task = task(Map.of(0, 0L), Map.of(0, PartitionOffsets.UNBOUNDED));
    SegmentRegistry registry = new SegmentRegistry();
    CompletableFuture<TaskStatus> result = CompletableFuture.supplyAsync(() -> {
      try {
        return task.run(toolbox(registry));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (task.startTime() == null && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertNotNull(task.startTime(), "the task started reading");
    Thread.sleep(300); // let it poll a few times against the unreachable broker
    assertTrue(!result.isDone(), "an unbounded task keeps reading until stopped");
    task.stopGracefully();
    task.stopGracefully(); // idempotent
    TaskStatus status = result.get(30, TimeUnit.SECONDS);
    assertEquals(TaskState.FAILED, status.getStatus(), String.valueOf(status));
    assertEquals("Shut down before publishing; the rows are read again by the next task", status.getErrorMsg());
    assertEquals(KafkaPartition.keyed(Map.of(0, 0L)), task.currentOffsets(), "nothing was read");
    assertEquals(java.util.List.of(), registry.getDataSources());
  }

  @Test
  void stopBeforeRunEndsAtOnce() throws Exception {
    KafkaIndexTask task = task(Map.of(0, 0L), Map.of(0, PartitionOffsets.UNBOUNDED));
    task.stopGracefully();
    TaskStatus status = CompletableFuture.supplyAsync(() -> {
      try {
        return task.run(toolbox(new SegmentRegistry()));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).get(30, TimeUnit.SECONDS);
    assertEquals(TaskState.FAILED, status.getStatus(), "shut down before it read anything, nothing published");
  }

  @Test
  void badConsumerPropertiesFailTheTask() throws Exception {
    KafkaIndexTaskIOConfig io = new KafkaIndexTaskIOConfig(0, "b", PartitionOffsets.of("metrics", Map.of(0, 0L)),
        PartitionOffsets.of("metrics", Map.of(0, 5L)),
        Map.of("bootstrap.servers", UNREACHABLE, "fetch.min.bytes", "not-a-number"), null,
        JsonInputFormat.defaults(), null, null, null);
    KafkaIndexTask task = new KafkaIndexTask("t", new DataSchema("ds", new TimestampSpec(null, null, null), null, null,
        null, null, null), null, io, null);
    TaskStatus status = task.run(toolbox(new SegmentRegistry()));
    assertEquals(TaskState.FAILED, status.getStatus());
    assertTrue(status.getErrorMsg().startsWith("ConfigException: "), status.getErrorMsg());
  }
}
