package io.kafkaindexing.indexing.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.json.JsonMappers;
import io.kafkaindexing.query.QueryModule;
import java.io.File;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestionWarmUpTest {
  private static final ObjectMapper MAPPER = JsonMappers.create(new QueryModule().getJacksonModules());

  @TempDir
  Path tmp;

  @Test
  void ingestsEveryRowIntoFourHourlySegmentsAndLeavesNothingBehind() throws Exception {
    IngestionWarmUp.Result result = IngestionWarmUp.run(20_000, tmp.toFile(), MAPPER);
    System.out.println("warm-up " + result);
    assertEquals(20_000, result.rowsProcessed());
    assertEquals(4, result.segmentsMerged());
    assertTrue(result.queriesRun() >= 5 * 25, "queries over the persisted rows: " + result);
    assertEquals(0, Objects.requireNonNull(tmp.toFile().listFiles()).length, "temporary directory removed");
  }

  @Test
  void aFewRowsStillMakeSegments() throws Exception {
    IngestionWarmUp.Result result = IngestionWarmUp.run(3, tmp.toFile(), MAPPER);
    assertEquals(3, result.rowsProcessed());
    assertTrue(result.segmentsMerged() >= 1 && result.segmentsMerged() <= 3, String.valueOf(result));
    assertEquals(0, Objects.requireNonNull(new File(tmp.toString()).listFiles()).length);
  }
}
