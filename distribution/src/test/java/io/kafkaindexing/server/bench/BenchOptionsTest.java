package io.kafkaindexing.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
  private static final Path HOME = Path.of("/opt/kis");

  @Test
  void defaultsAreTheIssuesRun() {
    BenchOptions o = BenchOptions.parse(HOME, new String[0]);
    assertEquals(2_000_000, o.rows());
    assertEquals(1, o.taskCount());
    assertFalse(o.again());
    assertFalse(o.keep());
    assertEquals(HOME.resolve("var/bench/result-2000000-tc1.json").toAbsolutePath(), o.out());
  }

  @Test
  void againAndKeepAreFlagsAmongValuedOptions() {
    BenchOptions o = BenchOptions.parse(HOME, new String[] {"--again", "--rows", "1,000", "--keep", "--task-count", "2"});
    assertTrue(o.again());
    assertTrue(o.keep());
    assertEquals(1000, o.rows());
    assertEquals(2, o.taskCount());
  }

  @Test
  void badOptionsAreNamed() {
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> BenchOptions.parse(HOME, new String[] {"--twice", "1"})).getMessage().startsWith("Unknown option[--twice]"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> BenchOptions.parse(HOME, new String[] {"--rows", "-5"})).getMessage().contains("--rows"));
  }
}
