package io.kafkaindexing.indexing.kafka;

import io.kafkaindexing.indexing.input.InputEntity;
import io.kafkaindexing.indexing.task.RecordProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the records whose rows were unparseable or thrown away to the dead-letter topic (beyond
 * Druid), exactly once per rejected row and source offset. Each dead letter keeps the original key,
 * value and headers, and adds headers saying why and where from: {@code dlq.category}
 * ({@code unparseable} or {@code thrownAway}), {@code dlq.reason} (the thrown-away reason),
 * {@code dlq.error}, {@code dlq.input} (the offending row, at most 1000 characters),
 * {@code dlq.topic}, {@code dlq.partition}, {@code dlq.offset}, {@code dlq.timestamp} (the record's)
 * and {@code dlq.task}. A record with several rejected rows gives one dead letter per row.
 *
 * <p>Exactly once, with the task's offsets: rejected rows are buffered while the task reads and
 * written by {@link #emit} when the task publishes, after pushing its segments and before the
 * metadata-store commit of segments and offsets. For each source partition, in one Kafka transaction:
 * the dead letters whose source offset is not yet written, and the new {@link EmittedRanges} of that
 * partition, committed with {@code sendOffsetsToTransaction} as the offset of the source partition
 * in the consumer group {@code <dataSource>-dead-letters} ({@link #groupId}). The ranges are read
 * with {@code read_committed} (which waits for pending transactional offsets) after
 * {@code initTransactions}, which aborts or completes any earlier transaction of the same
 * {@code transactional.id} — {@code <dataSource>-dead-letters-<topic>-<partition>}, the same for
 * every task that ever reads that partition for the data source: replicas of a group, later groups,
 * and groups after a {@code taskCount} change. So:
 * <ul>
 *   <li>a task re-reading offsets after a crash between the Kafka commit and the metadata commit
 *       writes nothing twice (its offsets are in the ranges);</li>
 *   <li>a crash before the Kafka commit writes nothing visible: the open transaction is aborted
 *       by the next {@code initTransactions} (or Kafka's transaction timeout), and the rows are read
 *       again from the committed offsets;</li>
 *   <li>of two replicas, the later {@code initTransactions} fences the earlier; the fenced one
 *       starts again (at most {@link #MAX_ATTEMPTS} times, with a random pause) and then finds its
 *       offsets written;</li>
 *   <li>a crash after some partitions committed and before others only repeats the others.</li>
 * </ul>
 * Per-partition transactions are enough because the ranges, like the dead letters, are per source
 * partition. A partition without rejected rows needs no transaction: a re-read has nothing to skip. Consumers of the dead-letter topic must read with {@code isolation.level=read_committed}.
 *
 * <p>Memory: the buffered dead letters live until the publish. Once {@link #HANDOFF_LETTERS} letters
 * or {@link #HANDOFF_BYTES} bytes are buffered the task asks its supervisor to hand off early
 * ({@link #handoffReason}); at ten times either the task fails saying so.
 *
 * <p>The producer and the consumer that reads the ranges reuse the task consumer's connection
 * settings ({@code bootstrap.servers}, {@code security.protocol}, {@code ssl.*}, {@code sasl.*},
 * {@code client.dns.lookup}).
 *
 * <p>Not thread-safe: used by the task thread only.
 */
final class DeadLetterProducer implements RecordProcessor.RejectionSink {
  private static final Logger log = LoggerFactory.getLogger(DeadLetterProducer.class);
  private static final int INPUT_CHARS = 1000;
  static final int HANDOFF_LETTERS = 100_000;
  static final long HANDOFF_BYTES = 64L << 20;
  static final int MAX_ATTEMPTS = 5;
  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(60);

  /** A test's stand-in for a crash between sending a partition's dead letters and committing them. */
  interface CommitHook {
    CommitHook NONE = tp -> { };

    void beforeCommit(TopicPartition partition);
  }

  /** One buffered dead letter and the source offset it came from. */
  private record Letter(long offset, ProducerRecord<byte[], byte[]> record) {
  }

  private final String topic;
  private final String taskId;
  private final String dataSource;
  private final Map<String, Object> connection;
  private final CommitHook hook;
  private final Map<TopicPartition, List<Letter>> buffered = new HashMap<>();
  private int letters;
  private long bytes;

  DeadLetterProducer(String topic, String taskId, String dataSource, Map<String, Object> consumerProperties,
      CommitHook hook) {
    this.topic = topic;
    this.taskId = taskId;
    this.dataSource = dataSource;
    this.hook = hook;
    Map<String, Object> props = new HashMap<>();
    io.kafkaindexing.core.security.password.ClientProperties.resolve(consumerProperties).forEach((k, v) -> {
      if (k.equals("bootstrap.servers") || k.equals("security.protocol") || k.startsWith("ssl.")
          || k.startsWith("sasl.") || k.equals("client.dns.lookup")) {
        props.put(k, v);
      }
    });
    this.connection = Map.copyOf(props);
  }

  /** The consumer group holding, per source partition, the offsets whose dead letters are written. */
  static String groupId(String dataSource) {
    return dataSource + "-dead-letters";
  }

  /** The transactional id of every producer writing dead letters of {@code source} for the data source. */
  static String transactionalId(String dataSource, TopicPartition source) {
    return groupId(dataSource) + "-" + source.topic() + "-" + source.partition();
  }

  @Override
  public void reject(InputEntity record, String category, String reason, String input, String message) {
    List<Header> headers = new ArrayList<>();
    record.headers().forEach(h -> headers.add(new RecordHeader(h.key(), h.value())));
    add(headers, "dlq.category", category);
    add(headers, "dlq.reason", reason);
    add(headers, "dlq.error", message);
    add(headers, "dlq.input", input == null || input.length() <= INPUT_CHARS ? input
        : input.substring(0, INPUT_CHARS) + "...");
    add(headers, "dlq.topic", record.topic());
    add(headers, "dlq.partition", String.valueOf(record.partition()));
    add(headers, "dlq.offset", String.valueOf(record.offset()));
    add(headers, "dlq.timestamp", String.valueOf(record.timestamp()));
    add(headers, "dlq.task", taskId);
    long size = (record.key() == null ? 0 : record.key().length) + (record.value() == null ? 0 : record.value().length);
    for (Header h : headers) {
      size += h.key().length() + (h.value() == null ? 0 : h.value().length);
    }
    if (letters >= 10 * HANDOFF_LETTERS || bytes + size > 10 * HANDOFF_BYTES) {
      throw new IllegalStateException("Too many dead letters buffered until publish: " + letters + " letters, "
          + bytes + " bytes (the task asks to hand off at " + HANDOFF_LETTERS + " letters or " + HANDOFF_BYTES
          + " bytes)");
    }
    letters++;
    bytes += size;
    buffered.computeIfAbsent(new TopicPartition(record.topic(), record.partition()), k -> new ArrayList<>())
        .add(new Letter(record.offset(), new ProducerRecord<>(topic, null, record.key(), record.value(), headers)));
  }

  private static void add(List<Header> headers, String key, String value) {
    if (value != null) {
      headers.add(new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8)));
    }
  }

  /** Why the task should hand off early because of its buffered dead letters, or null. */
  String handoffReason() {
    if (letters >= HANDOFF_LETTERS || bytes >= HANDOFF_BYTES) {
      return letters + " dead letters (" + bytes + " bytes) are buffered until publish";
    }
    return null;
  }

  int buffered() {
    return letters;
  }

  /**
   * Writes the buffered dead letters of the source offsets {@code [start, end)} (per partition, as
   * {@link TopicPartition}s) that no task wrote yet, and records those offsets as written.
   *
   * @throws IllegalStateException if a partition could not be committed within {@link #MAX_ATTEMPTS}
   */
  void emit(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) throws InterruptedException {
    if (letters == 0) {
      return; // nothing to write; a re-read of these offsets has nothing to skip either
    }
    Map<TopicPartition, Long> sorted = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::topic)
        .thenComparingInt(TopicPartition::partition));
    sorted.putAll(end);
    try (KafkaConsumer<byte[], byte[]> ranges = withOurClassLoader(this::rangeReader)) {
      for (Map.Entry<TopicPartition, Long> e : sorted.entrySet()) {
        long from = start.getOrDefault(e.getKey(), e.getValue());
        if (from < e.getValue() && buffered.containsKey(e.getKey())) {
          emitPartition(ranges, e.getKey(), from, e.getValue());
        }
      }
    }
  }

  private void emitPartition(KafkaConsumer<byte[], byte[]> ranges, TopicPartition source, long from, long to)
      throws InterruptedException {
    List<Letter> pending = buffered.getOrDefault(source, List.of());
    for (int attempt = 1; ; attempt++) {
      KafkaProducer<byte[], byte[]> producer = withOurClassLoader(() -> newProducer(source));
      try {
        producer.initTransactions();
        OffsetAndMetadata committed = ranges.committed(Set.of(source), CLIENT_TIMEOUT).get(source);
        EmittedRanges written = committed == null ? EmittedRanges.none()
            : EmittedRanges.parse(committed.offset(), committed.metadata());
        if (written.containsAll(from, to)) {
          log.info("Task[{}] dead letters of {} offsets [{}, {}) were already written ({})", taskId, source, from, to,
              written);
          producer.close(CLIENT_TIMEOUT);
          return;
        }
        producer.beginTransaction();
        int sent = 0;
        for (Letter letter : pending) {
          if (!written.contains(letter.offset()) && letter.offset() >= from && letter.offset() < to) {
            producer.send(letter.record());
            sent++;
          }
        }
        EmittedRanges next = written.plus(from, to);
        producer.sendOffsetsToTransaction(Map.of(source, new OffsetAndMetadata(next.end(), next.format())),
            new ConsumerGroupMetadata(groupId(dataSource)));
        producer.flush(); // commitTransaction would too; here it puts the letters on the broker before the hook
        hook.beforeCommit(source);
        producer.commitTransaction();
        producer.close(CLIENT_TIMEOUT);
        log.info("Task[{}] wrote {} dead letter(s) of {} offsets [{}, {}) to topic[{}]; written ranges {}", taskId,
            sent, source, from, to, topic, next);
        return;
      } catch (org.apache.kafka.common.errors.InterruptException e) {
        producer.close(Duration.ZERO);
        Thread.interrupted();
        throw new InterruptedException("Interrupted while writing dead letters of " + source);
      } catch (KafkaException e) {
        // Fenced by a replica, a timeout, an aborted send: closing aborts what is open; start again.
        closeQuietly(producer);
        if (attempt >= MAX_ATTEMPTS) {
          throw new IllegalStateException("Could not write dead letters of " + source + " offsets [" + from + ", "
              + to + ") to topic[" + topic + "] in " + MAX_ATTEMPTS + " attempts: " + e, e);
        }
        log.warn("Task[{}] dead-letter transaction for {} failed (attempt {}), starting again: {}", taskId, source,
            attempt, e.toString());
        Thread.sleep(ThreadLocalRandom.current().nextLong(100, 200L * attempt * attempt));
      } catch (RuntimeException e) {
        // Not Kafka's: leave the transaction open as a crash would (the next initTransactions aborts it).
        producer.close(Duration.ZERO);
        throw e;
      }
    }
  }

  private KafkaProducer<byte[], byte[]> newProducer(TopicPartition source) {
    Map<String, Object> props = new HashMap<>(connection);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId(dataSource, source));
    props.put(ProducerConfig.CLIENT_ID_CONFIG, taskId + "-dead-letters");
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) CLIENT_TIMEOUT.toMillis());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(props);
  }

  /** Reads the written ranges: read_committed waits for pending transactional offset commits. */
  private KafkaConsumer<byte[], byte[]> rangeReader() {
    Map<String, Object> props = new HashMap<>(connection);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId(dataSource));
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, taskId + "-dead-letter-ranges");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return new KafkaConsumer<>(props);
  }

  private static void closeQuietly(KafkaProducer<byte[], byte[]> producer) {
    try {
      producer.close(Duration.ofSeconds(5));
    } catch (RuntimeException e) {
      log.debug("Closing a failed dead-letter producer: {}", e.toString());
    }
  }

  /** Kafka loads its pluggable classes through the context class loader; in an extension it must be ours. */
  private static <T> T withOurClassLoader(Supplier<T> create) {
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(DeadLetterProducer.class.getClassLoader());
    try {
      return create.get();
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }
}
