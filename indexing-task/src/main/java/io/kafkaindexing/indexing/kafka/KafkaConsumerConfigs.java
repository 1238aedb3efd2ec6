package io.kafkaindexing.indexing.kafka;

import io.kafkaindexing.core.security.password.ClientProperties;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The Kafka consumer properties every consumer of ours uses, as Druid sets them: the user's
 * {@code consumerProperties} on top of Druid's defaults ({@code metadata.max.age.ms=10000},
 * {@code isolation.level=read_committed}, a random {@code group.id}), with
 * {@code enable.auto.commit=false} and {@code auto.offset.reset=none} forced, because offsets live
 * in our metadata store and an out-of-range offset must be noticed, never silently skipped. Password
 * providers and {@code druid.dynamic.config.provider} are resolved here ({@link ClientProperties}), so
 * the secrets they give reach the client but never the spec.
 * Stateless.
 */
public final class KafkaConsumerConfigs {
  private KafkaConsumerConfigs() {}

  public static Map<String, Object> consumerProperties(Map<String, Object> user) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "10000");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "kafka-supervisor-" + randomLetters());
    props.putAll(ClientProperties.resolve(user));
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return props;
  }

  private static String randomLetters() {
    StringBuilder sb = new StringBuilder(8);
    for (int i = 0; i < 8; i++) {
      sb.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return sb.toString();
  }
}
