package io.kafkaindexing.supervisor.kafka;

import io.kafkaindexing.indexing.kafka.KafkaPartition;
import io.kafkaindexing.indexing.kafka.KafkaRecordSupplier;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the supervisor asks Kafka: the partitions of its topic (or of the topics matching its
 * pattern) and their earliest and latest offsets. Owns one consumer, opened on first use and
 * closed after a failure so that the next call starts afresh. Failures surface as
 * {@link StreamException}. Not thread-safe: used by the supervisor's run thread only.
 */
final class StreamMetadata implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StreamMetadata.class);
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final KafkaSupervisorIOConfig io;
  private KafkaRecordSupplier supplier;

  StreamMetadata(KafkaSupervisorIOConfig io) {
    this.io = io;
  }

  /** The partitions, sorted; fails when there are none (topic missing, or no topic matches). */
  List<KafkaPartition> partitions() {
    List<KafkaPartition> found = call("fetch partitions", () -> supplier().partitions(TIMEOUT));
    if (found.isEmpty()) {
      throw new StreamException("Topic[" + io.getStream() + "] does not exist or has no partitions", null);
    }
    return found;
  }

  Map<KafkaPartition, Long> earliest(Collection<KafkaPartition> partitions) {
    return call("fetch earliest offsets", () -> supplier().earliestOffsets(partitions, TIMEOUT));
  }

  /** Latest offsets: the offset the next record of each partition will get. */
  Map<KafkaPartition, Long> latest(Collection<KafkaPartition> partitions) {
    return call("fetch latest offsets", () -> supplier().latestOffsets(partitions, TIMEOUT));
  }

  private <T> T call(String what, Supplier<T> request) {
    try {
      return request.get();
    } catch (RuntimeException e) {
      close();
      throw new StreamException("Could not " + what + " of topic[" + io.getStream() + "]: " + e.getMessage(), e);
    }
  }

  private KafkaRecordSupplier supplier() {
    if (supplier == null) {
      supplier = new KafkaRecordSupplier(io.getStream(), io.isMultiTopic(), io.getConsumerProperties());
    }
    return supplier;
  }

  @Override
  public void close() {
    if (supplier != null) {
      try {
        supplier.close();
      } catch (RuntimeException e) {
        log.debug("Closing the supervisor's Kafka consumer failed", e);
      }
      supplier = null;
    }
  }

  /** A failure to talk to Kafka, as opposed to a bug or bad state of ours. */
  static final class StreamException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StreamException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
