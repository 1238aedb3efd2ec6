package io.kafkaindexing.indexing.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.indexing.TestMappers;
import io.kafkaindexing.indexing.appenderator.StreamAppenderator;
import io.kafkaindexing.indexing.spec.DataSchema;
import io.kafkaindexing.indexing.spec.GranularitySpec;
import io.kafkaindexing.query.SegmentRegistry;
import io.kafkaindexing.segment.SegmentId;
import io.kafkaindexing.segment.aggregation.CountAggregatorFactory;
import io.kafkaindexing.segment.granularity.Granularities;
import io.kafkaindexing.segment.row.MapBasedInputRow;
import io.kafkaindexing.segment.spec.TimestampSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a task asks to hand off early, over a real appenderator with rows in two hourly segments. */
class HandoffTriggerTest {
  private static final ObjectMapper MAPPER = TestMappers.create();
  private static final long HOUR = 3_600_000L;

  private static KafkaTuningConfig tuning(String json) throws Exception {
    return MAPPER.readValue("{\"type\":\"kafka\"," + json + "}", KafkaTuningConfig.class);
  }

  private static StreamAppenderator appenderator() {
    DataSchema schema = new DataSchema("ds", new TimestampSpec("time", "millis", null), null,
        List.of(new CountAggregatorFactory("rows")),
        new GranularitySpec(null, Granularities.HOUR, Granularities.NONE, false, null), null, null);
    return new StreamAppenderator(schema, "seq", (ds, interval, seq) -> new SegmentId(ds, interval, "v", 0),
        new SegmentRegistry());
  }

  /** Adds {@code n} rows to the hour starting at {@code hourStart}. */
  private static void add(StreamAppenderator a, long hourStart, int n) {
    for (int i = 0; i < n; i++) {
      a.add(new MapBasedInputRow(hourStart + i, List.of(), Map.of("time", hourStart + i)));
    }
  }

  @Test
  void maxRowsPerSegmentCountsTheFullestSegment() throws Exception {
    try (StreamAppenderator a = appenderator()) {
      HandoffTrigger trigger = new HandoffTrigger(tuning("\"maxRowsPerSegment\":5"), 0);
      add(a, 0, 4);
      add(a, HOUR, 4);
      assertEquals(4, a.maxRowsInSegment());
      assertEquals(8, a.totalRows());
      assertNull(trigger.reason(a, 1), "8 rows in all, but no segment has 5");
      add(a, HOUR, 1);
      assertEquals("a segment has 5 rows (maxRowsPerSegment[5])", trigger.reason(a, 1));
    }
  }

  @Test
  void maxTotalRowsCountsAllSegments() throws Exception {
    try (StreamAppenderator a = appenderator()) {
      HandoffTrigger trigger = new HandoffTrigger(tuning("\"maxRowsPerSegment\":100,\"maxTotalRows\":7"), 0);
      add(a, 0, 3);
      add(a, HOUR, 3);
      assertNull(trigger.reason(a, 1));
      add(a, 2 * HOUR, 1);
      assertEquals("segments have 7 rows in total (maxTotalRows[7])", trigger.reason(a, 1));
    }
  }

  @Test
  void intermediateHandoffPeriodCountsFromTheTaskStart() throws Exception {
    try (StreamAppenderator a = appenderator()) {
      HandoffTrigger trigger = new HandoffTrigger(tuning("\"intermediateHandoffPeriod\":\"PT10S\""), 1_000);
      assertNull(trigger.reason(a, 10_999));
      assertEquals("intermediateHandoffPeriod passed", trigger.reason(a, 11_000));
      HandoffTrigger never = new HandoffTrigger(tuning("\"maxRowsPerSegment\":100"), 1_000);
      assertNull(never.reason(a, 1_000 + 1_000L * 365 * 24 * 3600 * 1000), "the default period: millions of years");
    }
  }
}
