package io.kafkaindexing.supervisor.kafka;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class IdleTrackerTest {
  @Test
  void idleAfterNothingNewAndEverythingReadForInactiveAfterMillis() {
    IdleTracker idle = new IdleTracker(new IdleConfig(true, 1000L));
    Map<Integer, Long> latest = Map.of(0, 10L, 1, 5L);
    assertFalse(idle.observe(latest, Map.of(0, 10L, 1, 5L), 0));
    assertFalse(idle.observe(latest, Map.of(0, 10L, 1, 5L), 999));
    assertTrue(idle.observe(latest, Map.of(0, 10L, 1, 5L), 1000));
    assertFalse(idle.observe(Map.of(0, 11L, 1, 5L), Map.of(0, 10L, 1, 5L), 1500), "a new record makes it active");
    assertFalse(idle.observe(Map.of(0, 11L, 1, 5L), Map.of(0, 11L, 1, 5L), 2400));
    assertTrue(idle.observe(Map.of(0, 11L, 1, 5L), Map.of(0, 11L, 1, 5L), 2500));
  }

  @Test
  void neverIdleWhileSomethingIsLeftToReadOrWhenDisabled() {
    IdleTracker lagging = new IdleTracker(new IdleConfig(true, 1000L));
    for (long t = 0; t < 5000; t += 500) {
      assertFalse(lagging.observe(Map.of(0, 10L), Map.of(0, 9L), t));
    }
    IdleTracker disabled = new IdleTracker(new IdleConfig(false, 1000L));
    IdleTracker none = new IdleTracker(null);
    for (long t = 0; t < 5000; t += 500) {
      assertFalse(disabled.observe(Map.of(0, 10L), Map.of(0, 10L), t));
      assertFalse(none.observe(Map.of(0, 10L), Map.of(0, 10L), t));
    }
  }
}
