package io.kafkaindexing.server.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import io.kafkaindexing.core.config.RuntimeProperties;
import io.kafkaindexing.core.json.JsonMappers;
import io.kafkaindexing.core.lifecycle.Lifecycle;
import io.kafkaindexing.core.lifecycle.Managed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The module as the entry point uses it: Guice, runtime properties and the host lifecycle. */
class EmbeddedKafkaModuleIT {
  @TempDir
  Path dataDir;

  @Test
  void enabledModuleRunsTheBrokerInTheLifecycleInitStage() throws Exception {
    RuntimeProperties properties = new RuntimeProperties(Map.of(
        "druid.kafka.embedded.enabled", "true",
        "druid.kafka.embedded.host", "127.0.0.1",
        "druid.kafka.embedded.port", "0",
        "druid.kafka.embedded.controllerPort", "0",
        "druid.kafka.embedded.dataDir", dataDir.toString()));
    Injector injector = injector(properties);

    Set<Managed> services = injector.getInstance(Key.get(new TypeLiteral<Set<Managed>>() {}));
    assertEquals(1, services.size());
    Managed service = services.iterator().next();
    assertEquals(Managed.Stage.INIT, service.stage());
    EmbeddedKafkaBroker broker = injector.getInstance(EmbeddedKafkaService.class).broker().orElseThrow();
    assertEquals(dataDir.toAbsolutePath().normalize(), broker.dataDir());

    Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
    lifecycle.start();
    try {
      assertTrue(broker.isRunning());
      String bootstrap = broker.bootstrapServers();
      assertEquals(1, KafkaTestClients.brokerCount(bootstrap));
      KafkaTestClients.createTopic(bootstrap, "metrics", 1);
      assertEquals(1, KafkaTestClients.describeTopic(bootstrap, "metrics").partitions().size());
    } finally {
      lifecycle.stop();
    }
    assertFalse(broker.isRunning());
  }

  @Test
  void disabledModuleBindsNothing() {
    for (Map<String, String> values : List.of(
        Map.<String, String>of(),
        Map.of("druid.kafka.embedded.enabled", "false", "druid.kafka.embedded.port", "0"))) {
      RuntimeProperties properties = new RuntimeProperties(values);
      Injector injector = injector(properties, new EmbeddedKafkaModule(properties));
      assertEquals(Set.of(), injector.getInstance(Key.get(new TypeLiteral<Set<Managed>>() {})));
      assertNull(injector.getExistingBinding(Key.get(EmbeddedKafkaService.class)));
      assertNull(injector.getExistingBinding(Key.get(EmbeddedKafkaConfig.class)));
    }
  }

  @Test
  void moduleWithoutPropertiesBindsAnInertServiceWhenDisabled() throws Exception {
    RuntimeProperties properties = new RuntimeProperties(Map.of("druid.kafka.embedded.dataDir", dataDir.toString()));
    Injector injector = injector(properties, new EmbeddedKafkaModule());
    EmbeddedKafkaService service = injector.getInstance(EmbeddedKafkaService.class);
    assertTrue(service.broker().isEmpty());
    Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
    lifecycle.start();
    lifecycle.stop();
    try (var files = Files.list(dataDir)) {
      assertEquals(0, files.count(), "a disabled embedded broker must not touch its data directory");
    }
  }

  @Test
  void moduleWithoutPropertiesRunsTheBrokerWhenEnabled() throws Exception {
    RuntimeProperties properties = new RuntimeProperties(Map.of(
        "druid.kafka.embedded.enabled", "true",
        "druid.kafka.embedded.port", "0",
        "druid.kafka.embedded.controllerPort", "0",
        "druid.kafka.embedded.dataDir", dataDir.toString()));
    Injector injector = injector(properties, new EmbeddedKafkaModule());
    Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
    lifecycle.start();
    try {
      EmbeddedKafkaBroker broker = injector.getInstance(EmbeddedKafkaService.class).broker().orElseThrow();
      assertEquals(1, KafkaTestClients.brokerCount(broker.bootstrapServers()));
    } finally {
      lifecycle.stop();
    }
  }

  private static Injector injector(RuntimeProperties properties) {
    return injector(properties, new EmbeddedKafkaModule(properties));
  }

  private static Injector injector(RuntimeProperties properties, EmbeddedKafkaModule module) {
    ObjectMapper mapper = JsonMappers.create(List.of());
    return Guice.createInjector(Stage.PRODUCTION,
        binder -> {
          binder.bind(RuntimeProperties.class).toInstance(properties);
          binder.bind(ObjectMapper.class).toInstance(mapper);
          Lifecycle.declare(binder);
        },
        module);
  }
}
