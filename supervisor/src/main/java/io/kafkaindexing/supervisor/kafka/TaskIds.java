package io.kafkaindexing.supervisor.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kafkaindexing.indexing.kafka.KafkaPartition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Kafka task naming as Druid does it: a task group's base sequence name is
 * {@code index_kafka_<dataSource>_<hash>}, the hash being the first 15 hex digits of SHA-1 over
 * the data schema and tuning config JSON (keys sorted) and the start offsets
 * ({@code 0(42)+1(7)}); a task id appends 8 random letters a..p. Replicas share the base name.
 * Stateless.
 */
final class TaskIds {
  private TaskIds() {}

  static String baseSequenceName(ObjectMapper mapper, String dataSource, Object dataSchema, Object tuningConfig,
      Map<KafkaPartition, Long> startOffsets) {
    ObjectMapper sorted = mapper.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    StringJoiner offsets = new StringJoiner("+");
    startOffsets.forEach((p, o) -> offsets.add(p + "(" + o + ")"));
    try {
      String input = sorted.writeValueAsString(sorted.convertValue(dataSchema, Object.class))
          + sorted.writeValueAsString(sorted.convertValue(tuningConfig, Object.class)) + offsets;
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(input.getBytes(StandardCharsets.UTF_8));
      return "index_kafka_" + dataSource + "_" + HexFormat.of().formatHex(digest).substring(0, 15);
    } catch (com.fasterxml.jackson.core.JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot name task for dataSource[" + dataSource + "]", e);
    }
  }

  static String taskId(String baseSequenceName) {
    StringBuilder sb = new StringBuilder(baseSequenceName).append('_');
    int bits = ThreadLocalRandom.current().nextInt();
    for (int i = 0; i < 8; i++) {
      sb.append((char) ('a' + ((bits >>> (i * 4)) & 0xF)));
    }
    return sb.toString();
  }
}
