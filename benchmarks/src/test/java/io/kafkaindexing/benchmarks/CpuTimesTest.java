package io.kafkaindexing.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The CPU-time runner measures the named case and prints one table row for it. */
class CpuTimesTest {
  @Test
  void printsOneRowPerCase() throws Exception {
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      CpuTimes.main(new String[] {"0", "0", "parse"});
    } finally {
      System.setOut(out);
    }
    String[] lines = captured.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(3, lines.length, captured::toString);
    assertTrue(lines[2].matches("\\| parse \\| [1-9][0-9]* \\| [0-9.]+ \\| [0-9,]+ \\|"), lines[2]);
  }

  @Test
  void rejectsAnUnknownCase() {
    assertThrows(IllegalArgumentException.class, () -> CpuTimes.main(new String[] {"0", "0", "topN-remote"}));
  }
}
