package io.kafkaindexing.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimePropertiesTest {
  private static final String OVERRIDE = "druid.test.runtimePropertiesTest.port";
  private static final String ONLY_SYSTEM = "druid.test.runtimePropertiesTest.onlySystem";
  private static final String NOT_DRUID = "notdruid.runtimePropertiesTest";

  @TempDir
  Path dir;

  @AfterEach
  void clearSystemProperties() {
    System.clearProperty(OVERRIDE);
    System.clearProperty(ONLY_SYSTEM);
    System.clearProperty(NOT_DRUID);
  }

  @Test
  void loadsTheFileAndSystemPropertiesWin() throws Exception {
    Path file = dir.resolve("runtime.properties");
    Files.writeString(file, String.join("\n",
        "# comment",
        OVERRIDE + "=8081",
        "druid.host = localhost   ",
        "druid.extensions.loadList=[\"a\", \"b\"]",
        NOT_DRUID + "=fromFile",
        "druid.unicode=caf\u00e9"), StandardCharsets.UTF_8);
    System.setProperty(OVERRIDE, " 9999 ");
    System.setProperty(ONLY_SYSTEM, "yes");
    System.setProperty(NOT_DRUID, "fromSystem");

    RuntimeProperties p = RuntimeProperties.load(file);
    assertEquals(Optional.of("9999"), p.get(OVERRIDE), "a -D system property overrides the file (trimmed)");
    assertEquals(Optional.of("yes"), p.get(ONLY_SYSTEM));
    assertEquals(Optional.of("localhost"), p.get("druid.host"), "values are trimmed");
    assertEquals("[\"a\", \"b\"]", p.get("druid.extensions.loadList", null));
    assertEquals("fromFile", p.get(NOT_DRUID, null), "only druid.* system properties overlay the file");
    assertEquals("caf\u00e9", p.get("druid.unicode", null), "the file is read as UTF-8");
  }

  @Test
  void missingFileGivesSystemPropertiesOnly() throws Exception {
    System.setProperty(ONLY_SYSTEM, "v");
    RuntimeProperties p = RuntimeProperties.load(dir.resolve("nope.properties"));
    assertEquals(Optional.of("v"), p.get(ONLY_SYSTEM));
    assertFalse(p.get("druid.host").isPresent());
    assertEquals("dflt", p.get("druid.host", "dflt"));
    RuntimeProperties noFile = RuntimeProperties.load(null);
    assertEquals(Optional.of("v"), noFile.get(ONLY_SYSTEM));
  }

  @Test
  void prefixBooleansAndCopies() {
    RuntimeProperties p = new RuntimeProperties(Map.of(
        "druid.server.overlordPort", "1",
        "druid.server.tls.port", "2",
        "druid.serverless", "x",
        "druid.flag", "TRUE",
        "druid.off", "nope"));
    assertEquals(Map.of("overlordPort", "1", "tls.port", "2"), p.withPrefix("druid.server"));
    assertEquals(p.withPrefix("druid.server"), p.withPrefix("druid.server."));
    assertTrue(p.getBoolean("druid.flag", false));
    assertFalse(p.getBoolean("druid.off", true));
    assertTrue(p.getBoolean("druid.absent", true));

    RuntimeProperties copy = p.with("druid.flag", "false");
    assertFalse(copy.getBoolean("druid.flag", true));
    assertTrue(p.getBoolean("druid.flag", false), "with() leaves the original unchanged");
    assertThrows(UnsupportedOperationException.class, () -> p.asMap().put("a", "b"));
  }
}
