package io.kafkaindexing.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Injector;
import io.kafkaindexing.core.config.JsonConfigProvider;
import io.kafkaindexing.core.config.RuntimeProperties;
import io.kafkaindexing.core.guice.Initialization;
import io.kafkaindexing.core.json.JsonMappers;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeepStorageConfigTest {
  private static final ObjectMapper MAPPER = JsonMappers.create(List.of());

  private static DeepStorageConfig build(Map<String, String> props) {
    return JsonConfigProvider.build(new RuntimeProperties(props), MAPPER, "druid.storage", DeepStorageConfig.class);
  }

  @Test
  void defaultsAreDruid33sWithOurDirectory() {
    DeepStorageConfig c = build(Map.of());
    assertEquals("local", c.type());
    assertEquals(new File("var/druid/segments"), c.storageDirectory());
    assertFalse(c.zip());
  }

  @Test
  void readsTheProperties() {
    DeepStorageConfig c = build(Map.of("druid.storage.type", "local", "druid.storage.storageDirectory", "/data/deep",
        "druid.storage.zip", "true"));
    assertEquals(new File("/data/deep"), c.storageDirectory());
    assertTrue(c.zip());
  }

  @Test
  void otherTypesAreRefusedNamingTheProperty() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> build(Map.of("druid.storage.type", "s3")));
    assertTrue(e.getMessage().contains("Property[druid.storage.type] value[s3] is not supported"), e.getMessage());
  }

  @Test
  void theInjectorBindsLocalDeepStorage(@TempDir Path tmp) {
    Injector injector = Initialization.makeInjector(new RuntimeProperties(Map.of(
        "druid.extensions.directory", tmp.resolve("extensions").toString(),
        "druid.storage.storageDirectory", tmp.resolve("deep").toString())), List.of());
    DeepStorage storage = injector.getInstance(DeepStorage.class);
    assertTrue(storage instanceof LocalDeepStorage, storage.getClass().getName());
    assertEquals(tmp.resolve("deep"), ((LocalDeepStorage) storage).storageDirectory());
    assertSame(storage, injector.getInstance(DeepStorage.class));
  }
}
