package io.kafkaindexing.supervisor.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.json.JsonMappers;
import io.kafkaindexing.query.QueryModule;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestionWarmUpServiceTest {
  private static final ObjectMapper MAPPER = JsonMappers.create(new QueryModule().getJacksonModules());

  @Test
  void startWaitsForTheWarmUpStartedByPrepare() throws Exception {
    IngestionWarmUpService service = new IngestionWarmUpService(new TaskConfig(null, 2_000), MAPPER);
    service.prepare();
    service.start();
    assertEquals(2_000, service.result().rowsProcessed());
    assertEquals(4, service.result().segmentsMerged());
    service.stop();
  }

  @Test
  void noRowsMeansNoWarmUp() throws Exception {
    IngestionWarmUpService service = new IngestionWarmUpService(new TaskConfig(null, null), MAPPER);
    service.prepare();
    service.start();
    assertNull(service.result());
  }

  @Test
  void warmUpRowsIsReadFromTheTaskProperties() {
    TaskConfig config = MAPPER.convertValue(Map.of("baseTaskDir", "var/t", "warmUpRows", "1000"), TaskConfig.class);
    assertEquals(1000, config.warmUpRows());
    assertEquals(0, MAPPER.convertValue(Map.of(), TaskConfig.class).warmUpRows());
    Exception e = assertThrows(IllegalArgumentException.class,
        () -> MAPPER.convertValue(Map.of("warmUpRows", -1), TaskConfig.class));
    assertEquals(true, e.getMessage().contains("warmUpRows"), e.getMessage());
  }
}
