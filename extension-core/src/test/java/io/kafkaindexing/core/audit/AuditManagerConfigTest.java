package io.kafkaindexing.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.core.config.JsonConfigProvider;
import io.kafkaindexing.core.config.RuntimeProperties;
import io.kafkaindexing.core.json.JsonMappers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code druid.audit.manager.*} as runtime properties. */
class AuditManagerConfigTest {
  private static AuditManagerConfig build(Map<String, String> props) {
    return JsonConfigProvider.build(new RuntimeProperties(props), JsonMappers.create(List.of()),
        "druid.audit.manager", AuditManagerConfig.class);
  }

  @Test
  void defaultsAreDruids() {
    AuditManagerConfig c = build(Map.of());
    assertEquals(AuditManagerConfig.Type.SQL, c.type());
    assertEquals(7L * 24 * 3600 * 1000, c.auditHistoryMillis());
    assertEquals(-1, c.maxPayloadSizeBytes());
    assertFalse(c.skipNullField());
    assertEquals(AuditManagerConfig.LogLevel.INFO, c.logLevel());
  }

  @Test
  void propertiesAreRead() {
    AuditManagerConfig c = build(Map.of("druid.audit.manager.type", "log",
        "druid.audit.manager.auditHistoryMillis", "60000",
        "druid.audit.manager.maxPayloadSizeBytes", "10KiB",
        "druid.audit.manager.skipNullField", "true",
        "druid.audit.manager.logLevel", "warn"));
    assertEquals(AuditManagerConfig.Type.LOG, c.type());
    assertEquals(60_000, c.auditHistoryMillis());
    assertEquals(10 * 1024, c.maxPayloadSizeBytes());
    assertTrue(c.skipNullField());
    assertEquals(AuditManagerConfig.LogLevel.WARN, c.logLevel());
  }

  @Test
  void byteSizes() {
    assertEquals(1234, AuditManagerConfig.parseBytes("1234"));
    assertEquals(-1, AuditManagerConfig.parseBytes("-1"));
    assertEquals(0, AuditManagerConfig.parseBytes("0"));
    assertEquals(5000, AuditManagerConfig.parseBytes("5K"));
    assertEquals(2 * 1024 * 1024, AuditManagerConfig.parseBytes("2MiB"));
    assertEquals(3_000_000_000L, AuditManagerConfig.parseBytes("3G"));
  }

  @Test
  void badValuesNameTheProperty() {
    for (Map<String, String> bad : List.of(
        Map.of("druid.audit.manager.type", "kafka"),
        Map.of("druid.audit.manager.maxPayloadSizeBytes", "-2"),
        Map.of("druid.audit.manager.maxPayloadSizeBytes", "lots"),
        Map.of("druid.audit.manager.logLevel", "loud"))) {
      String property = bad.keySet().iterator().next();
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> build(bad));
      assertTrue(e.getMessage().contains("Property[" + property + "]"), e.getMessage());
    }
  }
}
