package io.kafkaindexing.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apache Druid 33's expression engine answers exactly what the golden file
 * {@code druid33-expressions/druid33-results.tsv} says: the file that query-engine's
 * {@code Druid33GoldenTest} holds our evaluator to is Druid's own output, reproduced here.
 */
class DruidEvaluatesExpressionsIT {
  @TempDir
  Path tmp;

  @Test
  void goldenFileIsWhatDruid33Answers() throws Exception {
    Path dir = Path.of(System.getProperty("fixtures.dir", "../src/test/resources"), "druid33-expressions");
    Path out = tmp.resolve("results.tsv");
    String ownClasses = Path.of(DruidExpressionEval.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
    String druid = Files.readString(Path.of(System.getProperty("druid.classpath.file")), StandardCharsets.UTF_8).trim();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(System.getProperty("druid.jvm.flags", "").trim().split("\\s+")));
    command.addAll(List.of("-cp", ownClasses + File.pathSeparator + druid, DruidExpressionEval.class.getName(),
        dir.resolve("expressions.txt").toString(), out.toString()));
    Path log = tmp.resolve("druid.log");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("Druid expression evaluation did not finish; log: " + log);
    }
    assertEquals(0, p.exitValue(), () -> readQuietly(log));
    assertEquals(Files.readString(dir.resolve("druid33-results.tsv"), StandardCharsets.UTF_8),
        Files.readString(out, StandardCharsets.UTF_8));
  }

  private static String readQuietly(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
