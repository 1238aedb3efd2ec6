package io.kafkaindexing.indexing.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class KafkaPartitionTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void keysAreDruidsPartitionOrTopicColonPartition() throws Exception {
    assertEquals(KafkaPartition.of(3), KafkaPartition.fromString("3"));
    assertEquals(new KafkaPartition("clicks", 3), KafkaPartition.fromString("clicks:3"));
    assertEquals(new KafkaPartition("a:b", 1), KafkaPartition.fromString("a:b:1"), "the last colon separates");
    assertEquals("clicks:3", new KafkaPartition("clicks", 3).toString());
    assertThrows(IllegalArgumentException.class, () -> KafkaPartition.fromString("x"));

    PartitionOffsets multi = new PartitionOffsets("metrics-.*",
        Map.of(new KafkaPartition("metrics-b", 0), 4L, new KafkaPartition("metrics-a", 1), 9L));
    String json = MAPPER.writeValueAsString(multi);
    assertEquals("{\"stream\":\"metrics-.*\",\"partitionOffsetMap\":{\"metrics-a:1\":9,\"metrics-b:0\":4}}", json);
    assertEquals(multi, MAPPER.readValue(json, PartitionOffsets.class));
    assertTrue(multi.isMultiTopic());
    assertFalse(PartitionOffsets.of("metrics", Map.of(0, 1L)).isMultiTopic());
  }

  @Test
  void singleTopicPartitionsSortNumericallyAndUseTheStream() {
    TreeMap<KafkaPartition, Long> sorted = new TreeMap<>(KafkaPartition.keyed(Map.of(10, 1L, 2, 1L, 0, 1L)));
    assertEquals(List.of("0", "2", "10"), sorted.keySet().stream().map(KafkaPartition::toString).toList());
    assertEquals(new TopicPartition("metrics", 2), KafkaPartition.of(2).toTopicPartition("metrics"));
    assertEquals(new TopicPartition("clicks", 2), new KafkaPartition("clicks", 2).toTopicPartition("c.*"));
  }

  @Test
  void taskGroupsAsDruidAssignsThem() {
    assertEquals(1, KafkaPartition.of(7).taskGroup(3));
    for (String topic : List.of("clicks", "views", "a-very-long-topic-name-with-a-negative-hash-perhaps")) {
      for (int p = 0; p < 20; p++) {
        int expected = Math.abs(31 * topic.hashCode() + p) % 4;
        assertEquals(expected, new KafkaPartition(topic, p).taskGroup(4), topic + ":" + p);
      }
    }
  }
}
