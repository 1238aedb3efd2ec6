package io.kafkaindexing.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaindexing.core.guice.DruidModule;
import io.kafkaindexing.core.json.JsonMappers;
import io.kafkaindexing.indexing.input.InputFormat;
import io.kafkaindexing.indexing.input.json.JsonInputFormat;
import io.kafkaindexing.indexing.input.kafka.KafkaInputFormat;
import io.kafkaindexing.indexing.input.text.CsvInputFormat;
import io.kafkaindexing.indexing.input.text.DelimitedInputFormat;
import io.kafkaindexing.indexing.input.text.RegexInputFormat;
import io.kafkaindexing.query.QueryModule;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The extension is found by ServiceLoader and every input format type name it registers round-trips. */
class InputFormatTypesTest {
  private static ObjectMapper mapper() {
    List<com.fasterxml.jackson.databind.Module> modules = new ArrayList<>(new QueryModule().getJacksonModules());
    boolean found = false;
    for (DruidModule m : ServiceLoader.load(DruidModule.class)) {
      if (m instanceof KafkaIndexingServiceModule) {
        modules.addAll(m.getJacksonModules());
        found = true;
      }
    }
    assertTrue(found, "KafkaIndexingServiceModule is registered in META-INF/services");
    return JsonMappers.create(modules);
  }

  @Test
  void everyInputFormatTypeRoundTrips() throws Exception {
    ObjectMapper mapper = mapper();
    List<String> specs = List.of(
        "{\"type\":\"json\",\"flattenSpec\":{\"useFieldDiscovery\":true,\"fields\":[{\"type\":\"path\",\"name\":\"a\","
            + "\"expr\":\"$.x\"}]}}",
        "{\"type\":\"csv\",\"columns\":[\"a\",\"b\"]}",
        "{\"type\":\"tsv\",\"columns\":[\"a\"],\"delimiter\":\"|\"}",
        "{\"type\":\"regex\",\"pattern\":\"(.*)\"}",
        "{\"type\":\"kafka\",\"valueFormat\":{\"type\":\"csv\",\"columns\":[\"a\"]},"
            + "\"timestampColumnName\":\"kafka.timestamp\",\"topicColumnName\":\"kafka.topic\","
            + "\"headerFormat\":{\"type\":\"string\",\"encoding\":\"UTF-16\"},\"headerColumnPrefix\":\"h.\","
            + "\"keyFormat\":{\"type\":\"json\"},\"keyColumnName\":\"kafka.key\"}");
    List<Class<?>> types = List.of(JsonInputFormat.class, CsvInputFormat.class, DelimitedInputFormat.class,
        RegexInputFormat.class, KafkaInputFormat.class);
    for (int i = 0; i < specs.size(); i++) {
      InputFormat f = mapper.readValue(specs.get(i), InputFormat.class);
      assertEquals(types.get(i), f.getClass());
      assertEquals(specs.get(i), mapper.writeValueAsString(f));
    }
    InputFormat delimited = mapper.readValue("{\"type\":\"DELIMITED\",\"columns\":[\"a\"]}", InputFormat.class);
    assertEquals(DelimitedInputFormat.class, delimited.getClass(), "type names in any letter case");
  }
}
