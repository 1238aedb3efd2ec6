package io.kafkaindexing.supervisor.kafka;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.indexing.kafka.KafkaPartition;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdleTrackerTest {
  private static Map<KafkaPartition, Long> k(Map<Integer, Long> byPartition) {
    return KafkaPartition.keyed(byPartition);
  }

  @Test
  void idleAfterNothingNewAndEverythingReadForInactiveAfterMillis() {
    IdleTracker idle = new IdleTracker(new IdleConfig(true, 1000L));
    Map<KafkaPartition, Long> latest = k(Map.of(0, 10L, 1, 5L));
    assertFalse(idle.observe(latest, k(Map.of(0, 10L, 1, 5L)), 0));
    assertFalse(idle.observe(latest, k(Map.of(0, 10L, 1, 5L)), 999));
    assertTrue(idle.observe(latest, k(Map.of(0, 10L, 1, 5L)), 1000));
    assertFalse(idle.observe(k(Map.of(0, 11L, 1, 5L)), k(Map.of(0, 10L, 1, 5L)), 1500), "a new record makes it active");
    assertFalse(idle.observe(k(Map.of(0, 11L, 1, 5L)), k(Map.of(0, 11L, 1, 5L)), 2400));
    assertTrue(idle.observe(k(Map.of(0, 11L, 1, 5L)), k(Map.of(0, 11L, 1, 5L)), 2500));
  }

  @Test
  void neverIdleWhileSomethingIsLeftToReadOrWhenDisabled() {
    IdleTracker lagging = new IdleTracker(new IdleConfig(true, 1000L));
    for (long t = 0; t < 5000; t += 500) {
      assertFalse(lagging.observe(k(Map.of(0, 10L)), k(Map.of(0, 9L)), t));
    }
    IdleTracker disabled = new IdleTracker(new IdleConfig(false, 1000L));
    IdleTracker none = new IdleTracker(null);
    for (long t = 0; t < 5000; t += 500) {
      assertFalse(disabled.observe(k(Map.of(0, 10L)), k(Map.of(0, 10L)), t));
      assertFalse(none.observe(k(Map.of(0, 10L)), k(Map.of(0, 10L)), t));
    }
  }
}
