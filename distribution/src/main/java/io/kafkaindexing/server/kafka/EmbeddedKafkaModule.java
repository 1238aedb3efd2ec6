package io.kafkaindexing.server.kafka;

import com.google.inject.Binder;
import io.kafkaindexing.core.config.JsonConfigProvider;
import io.kafkaindexing.core.config.RuntimeProperties;
import io.kafkaindexing.core.guice.DruidModule;
import io.kafkaindexing.core.lifecycle.Lifecycle;
import java.util.Objects;

/**
 * Host module that runs an embedded Kafka broker in this process when
 * {@code druid.kafka.embedded.enabled=true}; its settings come from {@code druid.kafka.embedded.*}
 * (see {@link EmbeddedKafkaConfig}), and {@link EmbeddedKafkaService} runs it in lifecycle stage
 * {@code INIT}.
 *
 * <p>Not registered through {@link java.util.ServiceLoader}: the entry point adds it to the host
 * modules. Given the runtime properties, a disabled module binds nothing at all. Without them (the
 * no-argument constructor) it cannot know while configuring, so it binds the service, which then
 * stays inert (starts nothing) unless enabled.
 *
 * <p>Not thread-safe; used once at start-up.
 */
public final class EmbeddedKafkaModule implements DruidModule {
  /** Null when not given: decide at injection time instead. */
  private final RuntimeProperties properties;

  /** A module that always binds the service; the service does nothing unless enabled. */
  public EmbeddedKafkaModule() {
    this.properties = null;
  }

  /** A module that binds nothing unless {@code properties} enable the embedded broker. */
  public EmbeddedKafkaModule(RuntimeProperties properties) {
    this.properties = Objects.requireNonNull(properties, "properties");
  }

  /** Whether {@code properties} ask for an embedded broker. */
  public static boolean isEnabled(RuntimeProperties properties) {
    return properties.getBoolean(EmbeddedKafkaConfig.PREFIX + ".enabled", false);
  }

  @Override
  public void configure(Binder binder) {
    if (properties != null && !isEnabled(properties)) {
      return;
    }
    JsonConfigProvider.bind(binder, EmbeddedKafkaConfig.PREFIX, EmbeddedKafkaConfig.class);
    Lifecycle.register(binder, EmbeddedKafkaService.class);
  }
}
