package io.kafkaindexing.indexing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.kafkaindexing.core.json.JsonMappers;
import io.kafkaindexing.indexing.input.json.JsonInputFormat;
import io.kafkaindexing.indexing.kafka.KafkaIndexTask;
import io.kafkaindexing.segment.SegmentJacksonModule;
import java.util.ArrayList;
import java.util.List;

/**
 * The process mapper as the host builds it, with the JSON type names the extension module registers
 * for this module's classes ({@code index_kafka}, {@code json}) and the segment types (aggregators).
 */
public final class TestMappers {
  private TestMappers() {}

  public static ObjectMapper create() {
    SimpleModule types = new SimpleModule("indexing-task-test-types");
    types.registerSubtypes(new NamedType(KafkaIndexTask.class, KafkaIndexTask.TYPE),
        new NamedType(JsonInputFormat.class, "json"));
    return JsonMappers.create(List.of(new SegmentJacksonModule(), types));
  }

  /** Field names of a JSON object, in order. */
  public static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }
}
