package io.kafkaindexing.indexing.kafka;

import static io.kafkaindexing.indexing.TestMappers.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.error.DruidException;
import io.kafkaindexing.core.json.JsonBodies;
import io.kafkaindexing.indexing.TestMappers;
import io.kafkaindexing.indexing.input.json.JsonInputFormat;
import io.kafkaindexing.indexing.task.Task;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code index_kafka} task payload: JSON round trip through the process mapper. */
class KafkaIndexTaskSerdeTest {
  private static final ObjectMapper MAPPER = TestMappers.create();

  static final String BASE = "index_kafka_metrics-kafka_0123456789abcde";

  static String taskJson(String context) {
    return "{\"type\":\"index_kafka\",\"id\":\"" + BASE + "_abcdefgh\","
        + "\"dataSchema\":{\"dataSource\":\"metrics-kafka\",\"timestampSpec\":{\"column\":\"time\"},"
        + "\"dimensionsSpec\":{\"dimensions\":[\"url\",\"user\"]},"
        + "\"metricsSpec\":[{\"type\":\"count\",\"name\":\"views\"}],"
        + "\"granularitySpec\":{\"segmentGranularity\":\"hour\"}},"
        + "\"tuningConfig\":{\"type\":\"kafka\",\"maxRowsInMemory\":\"1000\"},"
        + "\"ioConfig\":{\"type\":\"kafka\",\"taskGroupId\":1,\"baseSequenceName\":\"" + BASE + "\","
        + "\"startSequenceNumbers\":{\"stream\":\"metrics\",\"partitionOffsetMap\":{\"1\":5,\"3\":0}},"
        + "\"endSequenceNumbers\":{\"stream\":\"metrics\",\"partitionOffsetMap\":{\"1\":9223372036854775807,"
        + "\"3\":9223372036854775807}},"
        + "\"consumerProperties\":{\"bootstrap.servers\":\"localhost:9092\"},"
        + "\"pollTimeout\":250,\"inputFormat\":{\"type\":\"json\"}},"
        + "\"context\":" + context + "}";
  }

  @Test
  void readsAsATaskOfTypeIndexKafka() throws Exception {
    Task task = MAPPER.readValue(taskJson("{\"priority\":75}"), Task.class);
    KafkaIndexTask kafka = assertInstanceOf(KafkaIndexTask.class, task);
    assertEquals("index_kafka", kafka.getType());
    assertEquals(BASE + "_abcdefgh", kafka.getId());
    assertEquals("metrics-kafka", kafka.getDataSource());
    assertEquals(BASE, kafka.getGroupId());
    assertEquals(Map.of("availabilityGroup", BASE, "requiredCapacity", 1), kafka.getResource());
    assertEquals(1000, kafka.getTuningConfig().getMaxRowsInMemory());
    KafkaIndexTaskIOConfig io = kafka.getIoConfig();
    assertEquals(1, io.getTaskGroupId());
    assertEquals("metrics", io.topic());
    assertEquals(KafkaPartition.keyed(Map.of(1, 5L, 3, 0L)),
        io.getStartSequenceNumbers().getPartitionOffsetMap());
    assertEquals(PartitionOffsets.UNBOUNDED,
        io.getEndSequenceNumbers().getPartitionOffsetMap().get(KafkaPartition.of(3)));
    assertEquals(250L, io.getPollTimeout());
    assertInstanceOf(JsonInputFormat.class, io.getInputFormat());
    assertEquals(KafkaPartition.keyed(Map.of(1, 5L, 3, 0L)), kafka.currentOffsets(),
        "before running: the start offsets");
    assertNull(kafka.startTime());
    assertEquals(75, kafka.getContext().get("priority"));
  }

  @Test
  void roundTripKeepsThePayload() throws Exception {
    Task task = MAPPER.readValue(taskJson("{\"priority\":75}"), Task.class);
    String json = MAPPER.writeValueAsString(task);
    JsonNode tree = MAPPER.readTree(json);
    assertEquals("index_kafka", tree.get("type").asText());
    assertEquals(java.util.Set.of("type", "id", "groupId", "resource", "dataSource", "dataSchema", "tuningConfig",
        "ioConfig", "context"), java.util.Set.copyOf(keys(tree)));
    assertEquals(List.of("type", "id"), keys(tree).subList(0, 2));
    assertEquals(MAPPER.readTree("{\"type\":\"kafka\",\"taskGroupId\":1,\"baseSequenceName\":\"" + BASE + "\","
        + "\"startSequenceNumbers\":{\"stream\":\"metrics\",\"partitionOffsetMap\":{\"1\":5,\"3\":0}},"
        + "\"endSequenceNumbers\":{\"stream\":\"metrics\",\"partitionOffsetMap\":{\"1\":9223372036854775807,"
        + "\"3\":9223372036854775807}},\"consumerProperties\":{\"bootstrap.servers\":\"localhost:9092\"},"
        + "\"pollTimeout\":250,\"inputFormat\":{\"type\":\"json\"},\"minimumMessageTime\":null,"
        + "\"maximumMessageTime\":null}"), tree.get("ioConfig"));

    KafkaIndexTask again = (KafkaIndexTask) MAPPER.readValue(json, Task.class);
    assertEquals(json, MAPPER.writeValueAsString(again), "serialize, read, serialize gives the same JSON");
    assertEquals(((KafkaIndexTask) task).getDataSchema(), again.getDataSchema());
    assertEquals(((KafkaIndexTask) task).getTuningConfig(), again.getTuningConfig());
    assertEquals(((KafkaIndexTask) task).getIoConfig().getStartSequenceNumbers(),
        again.getIoConfig().getStartSequenceNumbers());
  }

  @Test
  void typeIdInAnyCase() throws Exception {
    Task task = MAPPER.readValue(taskJson("null").replace("\"index_kafka\",\"id\"", "\"INDEX_KAFKA\",\"id\""),
        Task.class);
    assertInstanceOf(KafkaIndexTask.class, task);
    assertEquals(Map.of(), task.getContext());
  }

  @Test
  void contextKeepsOrderAndNullValues() throws Exception {
    String context = "{\"z\":1,\"a\":null,\"m\":{\"x\":true},\"b\":2,\"c\":3,\"d\":4}";
    Task task = MAPPER.readValue(taskJson(context), Task.class);
    JsonNode echoed = MAPPER.valueToTree(task).get("context");
    assertEquals(MAPPER.readTree(context), echoed);
    assertEquals(keys(MAPPER.readTree(context)), keys(echoed));
  }

  @Test
  void consumerPropertiesKeepNullValues() throws Exception {
    Task task = MAPPER.readValue(taskJson("{}").replace("{\"bootstrap.servers\":\"localhost:9092\"}",
        "{\"bootstrap.servers\":\"localhost:9092\",\"client.id\":null}"), Task.class);
    Map<String, Object> props = ((KafkaIndexTask) task).getIoConfig().getConsumerProperties();
    assertTrue(props.containsKey("client.id"));
    assertNull(props.get("client.id"));
    assertThrows(UnsupportedOperationException.class, () -> props.put("x", "y"));
  }

  @Test
  void missingPartsAreNamed() {
    DruidException e = assertThrows(DruidException.class, () -> JsonBodies.read(MAPPER,
        taskJson("{}").replace("\"baseSequenceName\":\"" + BASE + "\",", "").getBytes(StandardCharsets.UTF_8),
        Task.class, "task"));
    assertTrue(e.getMessage().contains("baseSequenceName"), e.getMessage());
    assertTrue(e.getMessage().contains("field[ioConfig]"), e.getMessage());

    DruidException topics = assertThrows(DruidException.class, () -> JsonBodies.read(MAPPER,
        taskJson("{}").replace("{\"stream\":\"metrics\",\"partitionOffsetMap\":{\"1\":9", "{\"stream\":\"other\","
            + "\"partitionOffsetMap\":{\"1\":9").getBytes(StandardCharsets.UTF_8), Task.class, "task"));
    assertTrue(topics.getMessage().contains("start and end offsets must be for the same topic"), topics.getMessage());
  }

  @Test
  void partitionOffsetsJson() throws Exception {
    PartitionOffsets offsets = PartitionOffsets.of("metrics", Map.of(2, 7L, 0, 42L));
    assertEquals("{\"stream\":\"metrics\",\"partitionOffsetMap\":{\"0\":42,\"2\":7}}",
        MAPPER.writeValueAsString(offsets), "partitions sorted, keys as strings");
    assertEquals(offsets, MAPPER.readValue(MAPPER.writeValueAsString(offsets), PartitionOffsets.class));
    assertEquals("metrics{0=42, 2=7}", offsets.toString());
    assertEquals(Map.of(), new PartitionOffsets("t", null).getPartitionOffsetMap());
  }

  @Test
  void toStringHidesConsumerProperties() throws Exception {
    KafkaIndexTask task = (KafkaIndexTask) MAPPER.readValue(taskJson("{}").replace(
        "{\"bootstrap.servers\":\"localhost:9092\"}",
        "{\"bootstrap.servers\":\"localhost:9092\",\"security.protocol\":\"SASL_SSL\","
            + "\"sasl.jaas.config\":\"password=hunter2\",\"ssl.truststore.password\":\"trust-pw\","
            + "\"ssl.keystore.password\":{\"type\":\"default\",\"password\":\"store-pw\"},"
            + "\"ssl.key.password\":\"key-pw\"}"), Task.class);
    for (String secret : List.of("hunter2", "trust-pw", "store-pw", "key-pw")) {
      assertTrue(!task.toString().contains(secret), task.toString());
      assertTrue(!task.getIoConfig().toString().contains(secret), task.getIoConfig().toString());
    }
    assertEquals("key-pw", task.getIoConfig().getConsumerProperties().get("ssl.key.password"),
        "the task still has the password to connect with");
  }
}
