package io.kafkaindexing.supervisor.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkaindexing.indexing.kafka.KafkaPartition;
import io.kafkaindexing.indexing.kafka.KafkaTuningConfig;
import io.kafkaindexing.indexing.spec.DataSchema;
import io.kafkaindexing.supervisor.SupervisorTestSupport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TaskIdsTest {
  private static final ObjectMapper MAPPER = SupervisorTestSupport.mapper();
  private static final KafkaSupervisorSpec SEED = (KafkaSupervisorSpec) SupervisorTestSupport.parse(MAPPER,
      SupervisorTestSupport.read("seed/supervisor-spec.json"));
  private static final Pattern BASE = Pattern.compile("index_kafka_metrics-kafka_[0-9a-f]{15}");

  private static String base(DataSchema schema, KafkaTuningConfig tuning, Map<Integer, Long> offsets) {
    Map<KafkaPartition, Long> keyed = new LinkedHashMap<>(); // keeps the caller's order
    offsets.forEach((p, o) -> keyed.put(KafkaPartition.of(p), o));
    return TaskIds.baseSequenceName(MAPPER, "metrics-kafka", schema, tuning, keyed);
  }

  private static Map<Integer, Long> offsets(long... partitionThenOffset) {
    Map<Integer, Long> m = new TreeMap<>();
    for (int i = 0; i < partitionThenOffset.length; i += 2) {
      m.put((int) partitionThenOffset[i], partitionThenOffset[i + 1]);
    }
    return m;
  }

  @Test
  void baseNameIsDruidsFormat() {
    String base = base(SEED.getDataSchema(), SEED.getTuningConfig(), offsets(0, 42));
    assertTrue(BASE.matcher(base).matches(), base);
  }

  /** Sorted-keys JSON, written independently of the implementation: rebuild every object with sorted keys. */
  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = MAPPER.createObjectNode();
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      names.forEach(n -> out.set(n, sorted(node.get(n))));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = MAPPER.createArrayNode();
      node.forEach(e -> out.add(sorted(e)));
      return out;
    }
    return node;
  }

  @Test
  void hashIsSha1OfSortedSchemaTuningAndOffsets() throws Exception {
    String input = MAPPER.writeValueAsString(sorted(MAPPER.valueToTree(SEED.getDataSchema())))
        + MAPPER.writeValueAsString(sorted(MAPPER.valueToTree(SEED.getTuningConfig())))
        + "0(3176381)+1(120)";
    byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(input.getBytes(StandardCharsets.UTF_8));
    String expected = java.util.HexFormat.of().formatHex(sha1).substring(0, 15);
    assertEquals("index_kafka_metrics-kafka_" + expected,
        base(SEED.getDataSchema(), SEED.getTuningConfig(), offsets(0, 3176381, 1, 120)));
  }

  @Test
  void sameInputsGiveTheSameName() {
    String a = base(SEED.getDataSchema(), SEED.getTuningConfig(), offsets(0, 5, 1, 7));
    KafkaSupervisorSpec reparsed = (KafkaSupervisorSpec) SupervisorTestSupport.parse(MAPPER,
        SupervisorTestSupport.read("seed/supervisor-spec.json"));
    assertEquals(a, base(reparsed.getDataSchema(), reparsed.getTuningConfig(), offsets(0, 5, 1, 7)));
    Map<Integer, Long> inserted = new LinkedHashMap<>();
    inserted.put(0, 5L);
    inserted.put(1, 7L);
    assertEquals(a, base(SEED.getDataSchema(), SEED.getTuningConfig(), inserted));
  }

  @Test
  void anyInputChangeGivesAnotherName() {
    String a = base(SEED.getDataSchema(), SEED.getTuningConfig(), offsets(0, 5));
    assertNotEquals(a, base(SEED.getDataSchema(), SEED.getTuningConfig(), offsets(0, 6)), "other offset");
    assertNotEquals(a, base(SEED.getDataSchema(), SEED.getTuningConfig(), offsets(1, 5)), "other partition");
    assertNotEquals(a, base(SEED.getDataSchema(), SEED.getTuningConfig(), offsets(0, 5, 1, 0)), "more partitions");
    assertNotEquals(a, base(SEED.getDataSchema(), KafkaTuningConfig.defaults(), offsets(0, 5)), "other tuning");
    KafkaSupervisorSpec otherSchema = (KafkaSupervisorSpec) SupervisorTestSupport.parse(MAPPER,
        SupervisorTestSupport.read("seed/supervisor-spec.json").replace("\"hour\"", "\"day\""));
    assertNotEquals(a, base(otherSchema.getDataSchema(), SEED.getTuningConfig(), offsets(0, 5)), "other schema");
  }

  @Test
  void taskIdAppendsEightLettersFromAtoP() {
    String base = base(SEED.getDataSchema(), SEED.getTuningConfig(), offsets(0, 0));
    Set<Character> seen = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      String id = TaskIds.taskId(base);
      assertTrue(id.matches(Pattern.quote(base) + "_[a-p]{8}"), id);
      ids.add(id);
      for (char c : id.substring(base.length() + 1).toCharArray()) {
        seen.add(c);
      }
    }
    assertEquals(16, seen.size(), "every letter a..p occurs: " + seen);
    assertTrue(ids.size() > 1990, "ids are random: " + ids.size() + " distinct of 2000");
  }
}
