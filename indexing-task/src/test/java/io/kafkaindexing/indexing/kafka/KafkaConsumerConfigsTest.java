package io.kafkaindexing.indexing.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

class KafkaConsumerConfigsTest {
  @Test
  void druidDefaultsUnderTheUsersProperties() {
    Map<String, Object> props = KafkaConsumerConfigs.consumerProperties(Map.of("bootstrap.servers", "h:9092"));
    assertEquals("h:9092", props.get("bootstrap.servers"));
    assertEquals("10000", props.get("metadata.max.age.ms"));
    assertEquals("read_committed", props.get("isolation.level"));
    assertEquals("false", props.get("enable.auto.commit"));
    assertEquals("none", props.get("auto.offset.reset"));
    assertEquals(ByteArrayDeserializer.class.getName(), props.get("key.deserializer"));
    assertEquals(ByteArrayDeserializer.class.getName(), props.get("value.deserializer"));
    String group = (String) props.get("group.id");
    assertTrue(group.matches("kafka-supervisor-[a-z]{8}"), group);
    assertNotEquals(group, KafkaConsumerConfigs.consumerProperties(Map.of()).get("group.id"),
        "a random group per consumer");
  }

  @Test
  void usersPropertiesOverrideDefaults() {
    Map<String, Object> user = new HashMap<>();
    user.put("group.id", "kafka-indexing-service");
    user.put("isolation.level", "read_uncommitted");
    user.put("metadata.max.age.ms", 500);
    user.put("fetch.min.bytes", 1);
    Map<String, Object> props = KafkaConsumerConfigs.consumerProperties(user);
    assertEquals("kafka-indexing-service", props.get("group.id"));
    assertEquals("read_uncommitted", props.get("isolation.level"));
    assertEquals("500", props.get("metadata.max.age.ms"), "values are passed as strings");
    assertEquals("1", props.get("fetch.min.bytes"));
  }

  @Test
  void offsetHandlingCannotBeOverridden() {
    Map<String, Object> user = new HashMap<>();
    user.put("enable.auto.commit", "true");
    user.put("auto.offset.reset", "earliest");
    user.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    user.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    Map<String, Object> props = KafkaConsumerConfigs.consumerProperties(user);
    assertEquals("false", props.get("enable.auto.commit"));
    assertEquals("none", props.get("auto.offset.reset"));
    assertEquals(ByteArrayDeserializer.class.getName(), props.get("key.deserializer"));
    assertEquals(ByteArrayDeserializer.class.getName(), props.get("value.deserializer"));
  }

  @Test
  void nullUserPropertiesAndNullValues() {
    assertEquals("none", KafkaConsumerConfigs.consumerProperties(null).get("auto.offset.reset"));
    Map<String, Object> user = new HashMap<>();
    user.put("client.id", null);
    assertTrue(KafkaConsumerConfigs.consumerProperties(user).containsKey("client.id"));
  }
}
