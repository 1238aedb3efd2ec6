package io.kafkaindexing.supervisor.kafka;

import io.kafkaindexing.indexing.kafka.KafkaPartition;
import java.util.Map;

/**
 * Tells whether a supervisor is idle per its {@link IdleConfig}: the topic's latest offsets did not
 * move and nothing is left to read (every partition's latest offset is at or below the offset
 * ingestion reached) for {@code inactiveAfterMillis}. Any new record makes it active at once.
 * Not thread-safe: used by the supervisor's run thread only.
 */
final class IdleTracker {
  private final IdleConfig config;
  private Map<KafkaPartition, Long> previousLatest = Map.of();
  /** When the topic last had something to read; null before the first observation. */
  private Long lastActiveMillis;

  IdleTracker(IdleConfig config) {
    this.config = config;
  }

  /**
   * Records an observation and answers whether the supervisor is idle now.
   *
   * @param latest the topic's latest offsets (exclusive) per partition
   * @param reached the offset ingestion reached per partition (reading tasks' current offsets, or
   *     where publishing groups end, or the committed offsets)
   */
  boolean observe(Map<KafkaPartition, Long> latest, Map<KafkaPartition, Long> reached, long nowMillis) {
    if (config == null || !config.isEnabled()) {
      return false;
    }
    boolean caughtUp = !latest.isEmpty() && latest.equals(previousLatest);
    for (Map.Entry<KafkaPartition, Long> e : latest.entrySet()) {
      Long at = reached.get(e.getKey());
      caughtUp &= at != null && at >= e.getValue();
    }
    previousLatest = Map.copyOf(latest);
    if (!caughtUp || lastActiveMillis == null) {
      lastActiveMillis = nowMillis;
      return false;
    }
    return nowMillis - lastActiveMillis >= config.getInactiveAfterMillis();
  }
}
