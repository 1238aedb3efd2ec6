package io.kafkaindexing.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {
  @Test
  void parsesNameWithSpacesAndParenthesesAndSumsUserAndSystemTicks() {
    String stat = "4242 (C2 Compiler(x) y) S 1 4242 1 0 -1 4194624 10 0 0 0 713 29 0 0 20 0 30 0 1 0 0";
    ThreadCpu.Sample s = ThreadCpu.parse(stat);
    assertEquals("C2 Compiler(x) y", s.name());
    assertEquals(742, s.ticks());
    assertNull(ThreadCpu.parse("garbage"));
  }

  @Test
  void groupsPoolThreadsButKeepsTheCompilersApart() {
    assertEquals("GC Thread##", ThreadCpu.group("GC Thread#1"));
    assertEquals("http-#", ThreadCpu.group("http-31"));
    assertEquals("C2 CompilerThre", ThreadCpu.group("C2 CompilerThre"));
    assertEquals("C1 CompilerThre", ThreadCpu.group("C1 CompilerThre"));
  }

  @Test
  void reportsTheDifferenceByGroupLargestFirstWithSmallGroupsAsOther() {
    Map<String, ThreadCpu.Sample> before = Map.of(
        "1", new ThreadCpu.Sample("http-1", 100),
        "2", new ThreadCpu.Sample("http-2", 50),
        "3", new ThreadCpu.Sample("C2 CompilerThre", 0));
    Map<String, ThreadCpu.Sample> after = Map.of(
        "1", new ThreadCpu.Sample("http-1", 130),
        "2", new ThreadCpu.Sample("http-2", 60),
        "3", new ThreadCpu.Sample("C2 CompilerThre", 300),
        "4", new ThreadCpu.Sample("task-index", 159),  // started after the first snapshot: all of it counts
        "5", new ThreadCpu.Sample("tiny", 1));
    Map<String, Double> byName = ThreadCpu.secondsByName(before, after, 0.01);
    assertEquals(List.of("C2 CompilerThre", "task-index", "http-#", "other", "total"), List.copyOf(byName.keySet()));
    assertEquals(3.0, byName.get("C2 CompilerThre"));
    assertEquals(1.59, byName.get("task-index"));
    assertEquals(0.4, byName.get("http-#"));
    assertEquals(0.01, byName.get("other"));
    assertEquals(5.0, byName.get("total"));
  }

  @Test
  void seesTheCpuOfABusyThreadOfThisProcess() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
    Map<String, ThreadCpu.Sample> before = ThreadCpu.snapshot();
    assertFalse(before.isEmpty());
    Thread busy = new Thread(() -> {
      long end = System.nanoTime() + 300_000_000L;
      long x = 0;
      while (System.nanoTime() < end) {
        x += Long.numberOfTrailingZeros(x + System.nanoTime());
      }
      if (x == 42) {
        System.out.print("");
      }
    }, "busy-7");
    busy.start();
    Map<String, ThreadCpu.Sample> during;
    Thread.sleep(250);
    during = ThreadCpu.snapshot();
    busy.join();
    Map<String, Double> byName = ThreadCpu.secondsByName(before, during, 0);
    assertTrue(byName.getOrDefault("busy-#", 0.0) >= 0.05, byName.toString());
  }
}
