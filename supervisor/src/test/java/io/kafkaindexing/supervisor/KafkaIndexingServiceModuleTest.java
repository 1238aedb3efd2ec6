package io.kafkaindexing.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.guice.DruidModule;
import io.kafkaindexing.indexing.input.InputFormat;
import io.kafkaindexing.indexing.input.json.JsonInputFormat;
import io.kafkaindexing.indexing.kafka.KafkaIndexTask;
import io.kafkaindexing.indexing.task.Task;
import io.kafkaindexing.supervisor.kafka.KafkaSupervisorSpec;
import io.kafkaindexing.supervisor.spec.SupervisorSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The extension is found by ServiceLoader and every JSON type it registers round-trips. */
class KafkaIndexingServiceModuleTest {
  private static final ObjectMapper MAPPER = SupervisorTestSupport.mapper();

  @Test
  void serviceLoaderFindsTheModule() {
    List<String> found = new ArrayList<>();
    for (DruidModule m : ServiceLoader.load(DruidModule.class, getClass().getClassLoader())) {
      found.add(m.getClass().getName());
    }
    assertEquals(List.of(KafkaIndexingServiceModule.class.getName()), found);
  }

  @Test
  void supervisorTypeKafkaRoundTrips() throws Exception {
    SupervisorSpec spec = MAPPER.readValue(SupervisorTestSupport.read("seed/supervisor-spec.json"),
        SupervisorSpec.class);
    assertInstanceOf(KafkaSupervisorSpec.class, spec);
    String json = MAPPER.writeValueAsString(spec);
    assertEquals("kafka", MAPPER.readTree(json).get("type").asText());
    assertEquals(spec, MAPPER.readValue(json, SupervisorSpec.class));
  }

  @Test
  void taskTypeIndexKafkaRoundTrips() throws Exception {
    String json = "{\"type\":\"index_kafka\",\"id\":\"t1\",\"dataSchema\":{\"dataSource\":\"ds\","
        + "\"timestampSpec\":{\"column\":\"time\"}},\"ioConfig\":{\"baseSequenceName\":\"b\","
        + "\"startSequenceNumbers\":{\"stream\":\"s\",\"partitionOffsetMap\":{\"0\":1}},"
        + "\"endSequenceNumbers\":{\"stream\":\"s\",\"partitionOffsetMap\":{\"0\":2}},"
        + "\"consumerProperties\":{\"bootstrap.servers\":\"h:1\"},\"inputFormat\":{\"type\":\"json\"}}}";
    Task task = MAPPER.readValue(json, Task.class);
    assertInstanceOf(KafkaIndexTask.class, task);
    String written = MAPPER.writeValueAsString(task);
    assertEquals("index_kafka", MAPPER.readTree(written).get("type").asText());
    assertEquals(written, MAPPER.writeValueAsString(MAPPER.readValue(written, Task.class)));
  }

  @Test
  void inputFormatJsonRoundTrips() throws Exception {
    InputFormat format = MAPPER.readValue("{\"type\":\"json\"}", InputFormat.class);
    assertInstanceOf(JsonInputFormat.class, format);
    assertEquals("{\"type\":\"json\"}", MAPPER.writeValueAsString(format));
    assertEquals(format, MAPPER.readValue(MAPPER.writeValueAsString(format), InputFormat.class));
  }
}
