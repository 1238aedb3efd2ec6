package io.kafkaindexing.server.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.core.config.JsonConfigProvider;
import io.kafkaindexing.core.config.RuntimeProperties;
import io.kafkaindexing.core.json.JsonMappers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaConfigTest {
  private static EmbeddedKafkaConfig build(Map<String, String> values) {
    return JsonConfigProvider.build(new RuntimeProperties(values), JsonMappers.create(List.of()),
        "druid.kafka.embedded", EmbeddedKafkaConfig.class);
  }

  @Test
  void defaultsMatchTheQuickstart() {
    EmbeddedKafkaConfig config = build(Map.of());
    assertFalse(config.isEnabled());
    assertEquals("127.0.0.1", config.getHost());
    assertEquals(9092, config.getPort());
    assertEquals(9093, config.getControllerPort());
    assertEquals("var/kafka", config.getDataDir());
    assertEquals(1, config.getNumPartitions());
  }

  @Test
  void readsRuntimeProperties() {
    EmbeddedKafkaConfig config = build(Map.of(
        "druid.kafka.embedded.enabled", "true",
        "druid.kafka.embedded.host", "localhost",
        "druid.kafka.embedded.port", "19092",
        "druid.kafka.embedded.controllerPort", "0",
        "druid.kafka.embedded.dataDir", "/tmp/k",
        "druid.kafka.embedded.numPartitions", "4",
        "druid.kafka.other", "ignored"));
    assertEquals(new EmbeddedKafkaConfig(true, "localhost", 19092, 0, "/tmp/k", 4), config);
    assertTrue(config.isEnabled());
  }

  @Test
  void rejectsBadValuesNamingTheProperty() {
    IllegalArgumentException notAPort = assertThrows(IllegalArgumentException.class,
        () -> build(Map.of("druid.kafka.embedded.port", "70000")));
    assertTrue(notAPort.getMessage().contains("druid.kafka.embedded.port"), notAPort.getMessage());

    IllegalArgumentException samePort = assertThrows(IllegalArgumentException.class,
        () -> build(Map.of("druid.kafka.embedded.port", "9093")));
    assertTrue(samePort.getMessage().contains("druid.kafka.embedded.controllerPort"), samePort.getMessage());

    IllegalArgumentException partitions = assertThrows(IllegalArgumentException.class,
        () -> build(Map.of("druid.kafka.embedded.numPartitions", "0")));
    assertTrue(partitions.getMessage().contains("druid.kafka.embedded.numPartitions"), partitions.getMessage());
  }
}
