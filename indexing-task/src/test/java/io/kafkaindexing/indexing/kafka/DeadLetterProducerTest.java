package io.kafkaindexing.indexing.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.indexing.input.InputEntity;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Buffering and naming without a broker (nothing connects before {@code emit}); writing exactly once
 * is tested against a real broker by the distribution's DeadLetterExactlyOnceIT.
 */
class DeadLetterProducerTest {
  private static DeadLetterProducer producer() {
    return new DeadLetterProducer("dlq", "task-1", "wiki", Map.of("bootstrap.servers", "127.0.0.1:1"),
        DeadLetterProducer.CommitHook.NONE);
  }

  @Test
  void namesAreDerivedFromTheDataSourceAndTheSourcePartition() {
    assertEquals("wiki-dead-letters", DeadLetterProducer.groupId("wiki"));
    assertEquals("wiki-dead-letters-edits-3", DeadLetterProducer.transactionalId("wiki", new TopicPartition("edits", 3)));
  }

  @Test
  void emittingWithNothingBufferedNeedsNoBroker() throws Exception {
    DeadLetterProducer p = producer();
    p.emit(Map.of(new TopicPartition("edits", 0), 0L), Map.of(new TopicPartition("edits", 0), 10L));
    assertEquals(0, p.buffered());
  }

  @Test
  void manyBufferedBytesAskForAHandoffAndTenTimesThatFailsTheTask() {
    DeadLetterProducer p = producer();
    byte[] value = new byte[1 << 20]; // shared: the test counts bytes without holding them
    long offset = 0;
    while (p.handoffReason() == null) {
      p.reject(new InputEntity("edits", 0, offset++, 0L, null, value, List.of()), "unparseable", null, "x", "bad");
    }
    assertEquals(64, p.buffered());
    assertTrue(p.handoffReason().startsWith("64 dead letters ("), p.handoffReason());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
      for (long o = 64; o < 1000; o++) {
        p.reject(new InputEntity("edits", 0, o, 0L, null, value, List.of()), "unparseable", null, "x", "bad");
      }
    });
    assertTrue(e.getMessage().startsWith("Too many dead letters buffered until publish: 639 letters"), e.getMessage());
  }

  @Test
  void fewDeadLettersDoNotAskForAHandoff() {
    DeadLetterProducer p = producer();
    p.reject(new InputEntity("edits", 0, 5, 0L, null, null, List.of()), "thrownAway", "null", "null", "no value");
    assertEquals(1, p.buffered());
    assertNull(p.handoffReason());
  }
}
