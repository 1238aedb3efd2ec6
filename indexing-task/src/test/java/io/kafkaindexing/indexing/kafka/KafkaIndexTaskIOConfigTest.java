package io.kafkaindexing.indexing.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.indexing.input.TestMappers;
import io.kafkaindexing.indexing.input.json.JsonInputFormat;
import io.kafkaindexing.indexing.task.ThrownAwayReason;
import io.kafkaindexing.segment.row.MapBasedInputRow;
import java.util.List;
import java.util.Map;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.junit.jupiter.api.Test;

class KafkaIndexTaskIOConfigTest {
  private static final ObjectMapper MAPPER = TestMappers.mapper();
  private static final DateTime MIN = new DateTime("2018-03-06T00:00:00Z", DateTimeZone.UTC);
  private static final DateTime MAX = new DateTime("2018-03-07T00:00:00Z", DateTimeZone.UTC);

  private static KafkaIndexTaskIOConfig io(DateTime min, DateTime max) {
    return new KafkaIndexTaskIOConfig(0, "seq", PartitionOffsets.of("t", Map.of(0, 0L)),
        PartitionOffsets.of("t", Map.of(0, PartitionOffsets.UNBOUNDED)), Map.of("bootstrap.servers", "x"), null,
        JsonInputFormat.defaults(), min, max, null);
  }

  @Test
  void messageTimesRoundTripInDruidsFieldNames() throws Exception {
    JsonNode json = MAPPER.valueToTree(io(MIN, MAX));
    assertEquals("2018-03-06T00:00:00.000Z", json.get("minimumMessageTime").asText());
    assertEquals("2018-03-07T00:00:00.000Z", json.get("maximumMessageTime").asText());
    KafkaIndexTaskIOConfig back = MAPPER.treeToValue(json, KafkaIndexTaskIOConfig.class);
    assertEquals(MIN.getMillis(), back.getMinimumMessageTime().getMillis());
    JsonNode unbounded = MAPPER.valueToTree(io(null, null));
    assertTrue(unbounded.has("minimumMessageTime") && unbounded.get("minimumMessageTime").isNull());
    assertNull(MAPPER.treeToValue(unbounded, KafkaIndexTaskIOConfig.class).getMaximumMessageTime());
    assertThrows(IllegalArgumentException.class, () -> io(MAX, MIN));
  }

  @Test
  void rowsOutsideTheWindowAreThrownAwayWithTheirReason() {
    var filter = KafkaIndexTaskRunner.messageTimeFilter(io(MIN, MAX));
    assertEquals(ThrownAwayReason.BEFORE_MIN_MESSAGE_TIME, filter.reject(row(MIN.getMillis() - 1)));
    assertNull(filter.reject(row(MIN.getMillis())), "the bounds themselves are kept");
    assertNull(filter.reject(row(MAX.getMillis())));
    assertEquals(ThrownAwayReason.AFTER_MAX_MESSAGE_TIME, filter.reject(row(MAX.getMillis() + 1)));
    assertNull(KafkaIndexTaskRunner.messageTimeFilter(io(null, null)).reject(row(0)));
  }

  private static MapBasedInputRow row(long t) {
    return new MapBasedInputRow(t, List.of(), Map.of());
  }
}
