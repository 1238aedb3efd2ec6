package io.kafkaindexing.indexing.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.indexing.TestMappers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskStatusAndMetersTest {
  private static final ObjectMapper MAPPER = TestMappers.create();

  @Test
  void statusJsonAndCompletion() throws Exception {
    TaskStatus running = TaskStatus.running("t");
    assertFalse(running.isComplete());
    assertEquals("{\"id\":\"t\",\"status\":\"RUNNING\",\"duration\":-1,\"errorMsg\":null}",
        MAPPER.writeValueAsString(running));
    TaskStatus failed = TaskStatus.failure("t", "boom").withDuration(1234);
    assertTrue(failed.isComplete());
    assertEquals("{\"id\":\"t\",\"status\":\"FAILED\",\"duration\":1234,\"errorMsg\":\"boom\"}",
        MAPPER.writeValueAsString(failed));
    TaskStatus read = MAPPER.readValue(MAPPER.writeValueAsString(failed), TaskStatus.class);
    assertEquals(TaskState.FAILED, read.getStatus());
    assertEquals(1234, read.getDuration());
    assertEquals("boom", read.getErrorMsg());
    assertTrue(TaskStatus.success("t").isComplete());
    assertThrows(NullPointerException.class, () -> new TaskStatus(null, TaskState.SUCCESS, 0, null));
    assertFalse(TaskState.PENDING.isComplete());
  }

  @Test
  void metersCountInDruidsRowStatsOrder() throws Exception {
    RowIngestionMeters m = new RowIngestionMeters();
    m.incrementProcessed();
    m.incrementProcessed();
    m.addProcessedBytes(100);
    m.incrementProcessedWithError();
    m.incrementUnparseable();
    m.incrementThrownAway(io.kafkaindexing.indexing.task.ThrownAwayReason.FILTERED);
    m.incrementThrownAway(io.kafkaindexing.indexing.task.ThrownAwayReason.FILTERED);
    assertEquals(List.of("processed", "processedBytes", "processedWithError", "thrownAway", "unparseable",
        "thrownAwayByReason"), new ArrayList<>(m.totals().keySet()));
    assertEquals("{\"processed\":2,\"processedBytes\":100,\"processedWithError\":1,\"thrownAway\":2,"
        + "\"unparseable\":1,\"thrownAwayByReason\":{\"filtered\":2}}", MAPPER.writeValueAsString(m.totals()));
    assertEquals(2, m.processed());
    assertEquals(1, m.unparseable());
    assertEquals(2, m.thrownAway());
  }
}
