package io.kafkaindexing.indexing.kafka;

import io.kafkaindexing.indexing.input.InputEntity;
import io.kafkaindexing.indexing.task.RecordProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends the records whose rows were unparseable or thrown away to the dead-letter topic (beyond
 * Druid). Each dead letter keeps the original key, value and headers, and adds headers saying why
 * and where from: {@code dlq.category} ({@code unparseable} or {@code thrownAway}),
 * {@code dlq.reason} (the thrown-away reason), {@code dlq.error}, {@code dlq.input} (the offending
 * row, at most 1000 characters), {@code dlq.topic}, {@code dlq.partition}, {@code dlq.offset},
 * {@code dlq.timestamp} (the record's) and {@code dlq.task}. A record with several rejected rows
 * is sent once per row.
 *
 * <p>Delivery is at least once: the producer is idempotent with {@code acks=all}, sends are
 * asynchronous and {@link #checkDelivered} fails the task on the task thread once a send failed;
 * {@link #close} flushes. A task restarted from the committed offsets sends its dead letters again;
 * consumers can tell duplicates by {@code dlq.topic}/{@code dlq.partition}/{@code dlq.offset}.
 * The producer reuses the consumer's connection settings ({@code bootstrap.servers},
 * {@code security.protocol}, {@code ssl.*}, {@code sasl.*}, {@code client.dns.lookup}).
 *
 * <p>Threading: used by the task thread; send callbacks run on the producer's I/O thread and only
 * set {@link #failure}.
 */
final class DeadLetterProducer implements RecordProcessor.RejectionSink, AutoCloseable {
  private static final int INPUT_CHARS = 1000;

  private final String topic;
  private final String taskId;
  private final KafkaProducer<byte[], byte[]> producer;
  /** The first failed send, set by the producer's I/O thread. */
  private final AtomicReference<Exception> failure = new AtomicReference<>();

  DeadLetterProducer(String topic, String taskId, Map<String, Object> consumerProperties) {
    this.topic = topic;
    this.taskId = taskId;
    Map<String, Object> props = new HashMap<>();
    io.kafkaindexing.core.security.password.ClientProperties.resolve(consumerProperties).forEach((k, v) -> {
      if (k.equals("bootstrap.servers") || k.equals("security.protocol") || k.startsWith("ssl.")
          || k.startsWith("sasl.") || k.equals("client.dns.lookup")) {
        props.put(k, v);
      }
    });
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    // Kafka loads its pluggable classes through the context class loader; in an extension it must be ours.
    Thread.currentThread().setContextClassLoader(DeadLetterProducer.class.getClassLoader());
    try {
      this.producer = new KafkaProducer<>(props);
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
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
    producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers), (metadata, e) -> {
      if (e != null) {
        failure.compareAndSet(null, e);
      }
    });
  }

  private static void add(List<Header> headers, String key, String value) {
    if (value != null) {
      headers.add(new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8)));
    }
  }

  /** Throws if a dead letter could not be sent, so that no rejected record is lost silently. */
  void checkDelivered() {
    Exception e = failure.get();
    if (e != null) {
      throw new IllegalStateException("Could not send a record to the dead-letter topic[" + topic + "]: "
          + e.getMessage(), e);
    }
  }

  /** Waits for every dead letter sent so far. */
  void flush() {
    producer.flush();
    checkDelivered();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(30));
  }
}
