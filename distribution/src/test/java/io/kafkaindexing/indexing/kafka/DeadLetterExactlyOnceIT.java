package io.kafkaindexing.indexing.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.json.JsonMappers;
import io.kafkaindexing.indexing.input.json.JsonInputFormat;
import io.kafkaindexing.indexing.spec.DataSchema;
import io.kafkaindexing.indexing.task.SegmentPublishAction;
import io.kafkaindexing.indexing.task.SegmentPusher;
import io.kafkaindexing.indexing.task.TaskState;
import io.kafkaindexing.indexing.task.TaskStatus;
import io.kafkaindexing.indexing.task.TaskToolbox;
import io.kafkaindexing.query.SegmentRegistry;
import io.kafkaindexing.segment.SegmentId;
import io.kafkaindexing.segment.SegmentJacksonModule;
import io.kafkaindexing.segment.spec.TimestampSpec;
import io.kafkaindexing.server.kafka.EmbeddedKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.joda.time.DateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dead-letter topic is written exactly once per rejected row, against a real Kafka broker:
 * tasks read a two-partition topic with good, unparseable, late and tombstone records up to fixed end
 * offsets and publish through a metadata store stand-in that compares and sets offsets as the
 * Overlord's does. Every test reads the dead-letter topic with {@code read_committed} and compares
 * the exact list of source coordinates (topic, partition, offset) with the rejected records.
 */
class DeadLetterExactlyOnceIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String MIN_TIME = "2024-01-01T00:00:00Z";

  @TempDir
  static Path tmp;

  private static EmbeddedKafkaBroker kafka;
  private static final AtomicInteger TOPICS = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    kafka = EmbeddedKafkaBroker.builder().port(0).controllerPort(0).dataDir(tmp.resolve("kafka")).build();
    kafka.start();
  }

  @AfterAll
  static void stop() {
    if (kafka != null) {
      kafka.close();
    }
  }

  /** A source topic (2 partitions) with rejected and good records, and its empty dead-letter topic. */
  private record Source(String topic, String dlq, Map<Integer, Long> end, Set<String> rejected) {
  }

  private static Source source() throws Exception {
    String topic = "src" + TOPICS.incrementAndGet();
    String dlq = topic + "-dlq";
    try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        kafka.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1), new NewTopic(dlq, 1, (short) 1))).all()
          .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
    String good = "{\"time\":\"2024-02-01T00:00:00Z\",\"user\":\"ok\"}";
    String late = "{\"time\":\"2023-12-31T00:00:00Z\",\"user\":\"late\"}";
    String broken = "{\"time\":";
    List<String> values = java.util.Arrays.asList(good, broken, good, late, null, good, broken);
    Set<String> rejected = new HashSet<>();
    Map<Integer, Long> end = new TreeMap<>();
    Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      for (int partition = 0; partition < 2; partition++) {
        for (int i = 0; i < values.size() - partition; i++) {
          String value = values.get(i);
          long offset = producer.send(new ProducerRecord<>(topic, partition, "k" + i, value)).get().offset();
          if (!good.equals(value)) {
            rejected.add(topic + "/" + partition + "/" + offset);
          }
          end.put(partition, offset + 1);
        }
      }
    }
    return new Source(topic, dlq, end, rejected);
  }

  private static KafkaIndexTask task(Source source, String id, Map<Integer, Long> start, Map<Integer, Long> end) {
    KafkaIndexTaskIOConfig io = new KafkaIndexTaskIOConfig(0, "seq_" + source.topic(),
        PartitionOffsets.of(source.topic(), start), PartitionOffsets.of(source.topic(), end),
        Map.of("bootstrap.servers", kafka.bootstrapServers()), 100L, JsonInputFormat.defaults(),
        DateTime.parse(MIN_TIME), null, source.dlq());
    return new KafkaIndexTask(id, new DataSchema(source.topic(), new TimestampSpec("time", "iso", null), null, null,
        null, null, null), null, io, null);
  }

  /** The Overlord's publish as far as these tests need it: compare the start offsets, set the end offsets. */
  private static final class MetadataStore implements SegmentPublishAction {
    final Map<KafkaPartition, Long> committed = new TreeMap<>();
    /** When true, the next publish fails as if the task died right after writing its dead letters. */
    volatile boolean crashNext;

    @Override
    public synchronized Result publish(String dataSource, Set<io.kafkaindexing.segment.DataSegment> segments,
        PartitionOffsets start, PartitionOffsets end) {
      if (crashNext) {
        crashNext = false;
        return new Result(false, "simulated crash before the metadata commit");
      }
      boolean atStart = start.getPartitionOffsetMap().entrySet().stream()
          .allMatch(e -> committed.getOrDefault(e.getKey(), start.getPartitionOffsetMap().get(e.getKey()))
              .equals(e.getValue()));
      boolean atEnd = end.getPartitionOffsetMap().entrySet().stream()
          .allMatch(e -> e.getValue().equals(committed.get(e.getKey())));
      if (atEnd) {
        return new Result(true, null); // a replica published these offsets
      }
      if (!atStart) {
        return new Result(false, "committed offsets " + committed + " do not match start " + start);
      }
      committed.putAll(end.getPartitionOffsetMap());
      return new Result(true, null);
    }
  }

  private static TaskToolbox toolbox(MetadataStore store, String name) throws Exception {
    ObjectMapper mapper = JsonMappers.create(List.of(new SegmentJacksonModule()));
    Path dir = Files.createDirectories(tmp.resolve("tasks").resolve(name + "-" + System.nanoTime()));
    SegmentPusher pusher = (segmentDir, id) -> new SegmentPusher.Pushed(Map.of("type", "local", "path",
        segmentDir.getPath()), 1);
    return new TaskToolbox(new SegmentRegistry(), (ds, interval, seq) -> new SegmentId(ds, interval, "v", 0), mapper,
        dir.toFile(), new TaskToolbox.Publishing(pusher, store, (id, timeout) -> true));
  }

  private static TaskStatus run(KafkaIndexTask task, TaskToolbox toolbox) throws Exception {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return task.run(toolbox);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  /** The source coordinates of the dead letters a consumer with {@code isolationLevel} sees, in topic order. */
  private static List<String> deadLetters(String dlq, String isolationLevel) {
    Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    List<String> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
      TopicPartition tp = new TopicPartition(dlq, 0);
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      long end = consumer.endOffsets(List.of(tp)).get(tp); // the last stable offset when read_committed
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (consumer.position(tp) < end && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          Map<String, String> h = new HashMap<>();
          r.headers().forEach(x -> h.put(x.key(), new String(x.value(), StandardCharsets.UTF_8)));
          out.add(h.get("dlq.topic") + "/" + h.get("dlq.partition") + "/" + h.get("dlq.offset"));
        }
      }
      assertTrue(consumer.position(tp) >= end, "read the dead-letter topic up to " + end);
    }
    return out;
  }

  private static void assertExactlyOnce(Set<String> expected, List<String> letters) {
    assertEquals(expected.size(), letters.size(), "one dead letter per rejected row: " + letters);
    assertEquals(expected, new HashSet<>(letters));
  }

  private static Map<Integer, Long> zeros() {
    return Map.of(0, 0L, 1, 0L);
  }

  @Test
  void aTaskRestartedFromTheCommittedOffsetsAfterWritingItsDeadLettersDoesNotWriteThemAgain() throws Exception {
    Source source = source();
    MetadataStore store = new MetadataStore();
    store.crashNext = true; // dead letters committed in Kafka, then the task dies before the metadata commit
    TaskStatus first = run(task(source, "first", zeros(), source.end()), toolbox(store, "first"));
    assertEquals(TaskState.FAILED, first.getStatus(), String.valueOf(first));
    assertEquals(Map.of(), store.committed, "nothing published");
    assertExactlyOnce(source.rejected(), deadLetters(source.dlq(), "read_committed"));

    TaskStatus again = run(task(source, "again", zeros(), source.end()), toolbox(store, "again"));
    assertEquals(TaskState.SUCCESS, again.getStatus(), String.valueOf(again));
    assertEquals(KafkaPartition.keyed(source.end()), store.committed);
    assertExactlyOnce(source.rejected(), deadLetters(source.dlq(), "read_committed"));
    assertEquals(source.rejected().size(), deadLetters(source.dlq(), "read_uncommitted").size(),
        "the restarted task did not even send them");
  }

  @Test
  void twoReplicasOfAGroupWriteOneDeadLetterPerRejectedRow() throws Exception {
    Source source = source();
    MetadataStore store = new MetadataStore();
    KafkaIndexTask a = task(source, "replica-a", zeros(), source.end());
    KafkaIndexTask b = task(source, "replica-b", zeros(), source.end());
    TaskToolbox toolboxA = toolbox(store, "a");
    TaskToolbox toolboxB = toolbox(store, "b");
    CompletableFuture<TaskStatus> ra = CompletableFuture.supplyAsync(() -> runUnchecked(a, toolboxA));
    CompletableFuture<TaskStatus> rb = CompletableFuture.supplyAsync(() -> runUnchecked(b, toolboxB));
    TaskStatus sa = ra.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    TaskStatus sb = rb.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertEquals(TaskState.SUCCESS, sa.getStatus(), String.valueOf(sa));
    assertEquals(TaskState.SUCCESS, sb.getStatus(), String.valueOf(sb));
    assertExactlyOnce(source.rejected(), deadLetters(source.dlq(), "read_committed"));
  }

  @Test
  void aKillBeforeTheTransactionCommitsShowsNothingAndTheRestartedTaskWritesEachOnce() throws Exception {
    Source source = source();
    MetadataStore store = new MetadataStore();
    KafkaIndexTask killed = task(source, "killed", zeros(), source.end());
    // Partition 0 commits; partition 1's dead letters are sent and the task dies before committing them.
    killed.runner().beforeDeadLetterCommit(tp -> {
      if (tp.partition() == 1) {
        throw new IllegalStateException("simulated kill before the commit");
      }
    });
    TaskStatus status = run(killed, toolbox(store, "killed"));
    assertEquals(TaskState.FAILED, status.getStatus(), String.valueOf(status));
    assertTrue(status.getErrorMsg().contains("simulated kill"), status.getErrorMsg());
    assertEquals(Map.of(), store.committed);
    Set<String> partition0 = new HashSet<>();
    source.rejected().stream().filter(s -> s.startsWith(source.topic() + "/0/")).forEach(partition0::add);
    assertExactlyOnce(partition0, deadLetters(source.dlq(), "read_committed"));
    assertEquals(source.rejected().size(), deadLetters(source.dlq(), "read_uncommitted").size(),
        "partition 1's dead letters were sent, uncommitted");

    TaskStatus restarted = run(task(source, "restarted", zeros(), source.end()), toolbox(store, "restarted"));
    assertEquals(TaskState.SUCCESS, restarted.getStatus(), String.valueOf(restarted));
    assertExactlyOnce(source.rejected(), deadLetters(source.dlq(), "read_committed"));
  }

  @Test
  void aLaterGroupPublishingFirstDoesNotHideTheEarlierGroupsDeadLetters() throws Exception {
    Source source = source();
    MetadataStore store = new MetadataStore();
    store.committed.putAll(KafkaPartition.keyed(zeros()));
    Map<Integer, Long> middle = Map.of(0, 3L, 1, 3L);
    TaskStatus later = run(task(source, "later", middle, source.end()), toolbox(store, "later"));
    assertEquals(TaskState.FAILED, later.getStatus(), "its start offsets are not committed yet");
    TaskStatus earlier = run(task(source, "earlier", zeros(), middle), toolbox(store, "earlier"));
    assertEquals(TaskState.SUCCESS, earlier.getStatus(), String.valueOf(earlier));
    TaskStatus retried = run(task(source, "retried", middle, source.end()), toolbox(store, "retried"));
    assertEquals(TaskState.SUCCESS, retried.getStatus(), String.valueOf(retried));
    assertExactlyOnce(source.rejected(), deadLetters(source.dlq(), "read_committed"));
  }

  private static TaskStatus runUnchecked(KafkaIndexTask task, TaskToolbox toolbox) {
    try {
      return task.run(toolbox);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
