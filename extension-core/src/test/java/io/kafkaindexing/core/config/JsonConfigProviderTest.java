package io.kafkaindexing.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import io.kafkaindexing.core.extensions.ExtensionsConfig;
import io.kafkaindexing.core.json.JsonMappers;
import io.kafkaindexing.core.metadata.MetadataStorageConfig;
import io.kafkaindexing.core.metadata.SqlDialect;
import io.kafkaindexing.core.server.ServerConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonConfigProviderTest {
  private static final ObjectMapper MAPPER = JsonMappers.create(List.of());

  private static <T> T build(Map<String, String> props, String prefix, Class<T> type) {
    return JsonConfigProvider.build(new RuntimeProperties(props), MAPPER, prefix, type);
  }

  @Test
  void fillsFieldsUnderThePrefixAndIgnoresOthers() {
    ServerConfig c = build(Map.of(
        "druid.server.overlordPort", "9081",
        "druid.server.brokerPort", "9082",
        "druid.server.unknownKey", "ignored",
        "druid.serverX.overlordPort", "1",
        "druid.plaintextPort", "2"), "druid.server", ServerConfig.class);
    assertEquals(9081, c.getOverlordPort());
    assertEquals(9082, c.getBrokerPort());
    assertEquals("127.0.0.1", c.getBindAddress());
  }

  @Test
  void defaultsWhenNothingIsSet() {
    ServerConfig c = build(Map.of(), "druid.server", ServerConfig.class);
    assertEquals(8081, c.getOverlordPort());
    assertEquals(8082, c.getBrokerPort());
  }

  @Test
  void nestedKeysBecomeNestedObjects() {
    MetadataStorageConfig c = build(Map.of(
        "druid.metadata.storage.type", "postgresql",
        "druid.metadata.storage.connector.connectURI", "jdbc:postgresql://db:5432/druid",
        "druid.metadata.storage.connector.user", "druid",
        "druid.metadata.storage.connector.password", "secret",
        "druid.metadata.storage.tables.base", "mine"), "druid.metadata.storage", MetadataStorageConfig.class);
    assertEquals(SqlDialect.POSTGRESQL, c.dialect());
    assertEquals("jdbc:postgresql://db:5432/druid", c.connectUri());
    assertEquals("druid", c.user());
    assertEquals("secret", c.password());
    assertEquals("mine_supervisors", c.table("supervisors"));
    assertTrue(!c.toString().contains("secret"), "password is masked: " + c);
  }

  @Test
  void jsonArrayValuesAreParsed() {
    ExtensionsConfig c = build(Map.of(
        "druid.extensions.directory", "/opt/ext",
        "druid.extensions.loadList", " [\"druid-kafka-indexing-service\", \"other\"] "), "druid.extensions",
        ExtensionsConfig.class);
    assertEquals("/opt/ext", c.getDirectory());
    assertEquals(List.of("druid-kafka-indexing-service", "other"), c.getLoadList());

    ExtensionsConfig empty = build(Map.of("druid.extensions.loadList", "[]"), "druid.extensions",
        ExtensionsConfig.class);
    assertEquals(List.of(), empty.getLoadList());
    ExtensionsConfig absent = build(Map.of(), "druid.extensions", ExtensionsConfig.class);
    assertNull(absent.getLoadList(), "absent loadList means every extension");
    assertEquals("extensions", absent.getDirectory());
  }

  @Test
  void invalidJsonValueNamesTheProperty() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> build(Map.of("druid.extensions.loadList", "[\"a\","), "druid.extensions", ExtensionsConfig.class));
    assertTrue(e.getMessage().startsWith("Property[druid.extensions.loadList] is not valid JSON"), e.getMessage());
  }

  @Test
  void valueOfTheWrongTypeNamesTheProperty() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> build(Map.of("druid.server.overlordPort", "eighty"), "druid.server", ServerConfig.class));
    assertTrue(e.getMessage().contains("Property[druid.server.overlordPort]"), e.getMessage());
    assertTrue(e.getMessage().contains("eighty"), e.getMessage());
  }

  @Test
  void nestedValueOfTheWrongTypeNamesTheFullProperty() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> build(Map.of("druid.extensions.loadList", "{\"a\": 1}"), "druid.extensions", ExtensionsConfig.class));
    assertTrue(e.getMessage().contains("Property[druid.extensions.loadList]"), e.getMessage());
  }

  @Test
  void creatorValidationMessageIsKept() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> build(Map.of("druid.server.brokerPort", "70000"), "druid.server", ServerConfig.class));
    assertTrue(e.getMessage().contains("Property[druid.server.brokerPort] must be a port number, got[70000]"),
        e.getMessage());
    IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
        () -> build(Map.of("druid.metadata.storage.type", "oracle"), "druid.metadata.storage",
            MetadataStorageConfig.class));
    assertTrue(t.getMessage().contains("Property[druid.metadata.storage.type] must be one of derby, postgresql,"
        + " mysql; got[oracle]"), t.getMessage());
  }

  @Test
  void bindsASingletonThroughGuice() {
    RuntimeProperties props = new RuntimeProperties(Map.of("druid.server.overlordPort", "1234"));
    Injector injector = Guice.createInjector(binder -> {
      binder.bind(RuntimeProperties.class).toInstance(props);
      binder.bind(ObjectMapper.class).toInstance(MAPPER);
      JsonConfigProvider.bind(binder, "druid.server", ServerConfig.class);
    });
    ServerConfig c = injector.getInstance(ServerConfig.class);
    assertEquals(1234, c.getOverlordPort());
    assertSame(c, injector.getInstance(ServerConfig.class));
  }

  @Test
  void badValueFailsInjectionNamingTheProperty() {
    RuntimeProperties props = new RuntimeProperties(Map.of("druid.server.brokerPort", "x"));
    Injector injector = Guice.createInjector(binder -> {
      binder.bind(RuntimeProperties.class).toInstance(props);
      binder.bind(ObjectMapper.class).toInstance(MAPPER);
      JsonConfigProvider.bind(binder, "druid.server", ServerConfig.class);
    });
    ProvisionException e = assertThrows(ProvisionException.class, () -> injector.getInstance(ServerConfig.class));
    assertTrue(e.getMessage().contains("Property[druid.server.brokerPort]"), e.getMessage());
  }

  @Test
  void eagerSingletonFailsAtCreation() {
    RuntimeProperties props = new RuntimeProperties(Map.of("druid.server.brokerPort", "-1"));
    CreationException e = assertThrows(CreationException.class, () -> Guice.createInjector(
        com.google.inject.Stage.PRODUCTION, binder -> {
          binder.bind(RuntimeProperties.class).toInstance(props);
          binder.bind(ObjectMapper.class).toInstance(MAPPER);
          JsonConfigProvider.bind(binder, "druid.server", ServerConfig.class);
        }));
    assertTrue(e.getMessage().contains("druid.server.brokerPort"), e.getMessage());
  }
}
