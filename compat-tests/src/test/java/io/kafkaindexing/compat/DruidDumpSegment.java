package io.kafkaindexing.compat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Apache Druid 33's {@code tools dump-segment} in a child JVM on the classpath that module
 * druid-classpath resolved, with the module flags Druid needs on Java 17.
 */
final class DruidDumpSegment {
  private static final long TIMEOUT_SECONDS = 300;

  private DruidDumpSegment() {}

  /** The tool's output for {@code segmentDir} with {@code options} (e.g. {@code --dump rows --time-iso8601}). */
  static String dump(Path segmentDir, Path work, String... options) throws IOException, InterruptedException {
    Path out = Files.createTempFile(work, "dump-", ".json");
    Path log = Files.createTempFile(work, "dump-", ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(System.getProperty("druid.jvm.flags", "").trim().split("\\s+")));
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(classpath());
    command.addAll(List.of("org.apache.druid.cli.Main", "tools", "dump-segment", "--directory", segmentDir.toString(),
        "--out", out.toString()));
    command.addAll(Arrays.asList(options));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("Druid dump-segment did not finish in " + TIMEOUT_SECONDS + " s; log: " + log);
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException("Druid dump-segment exited with " + p.exitValue() + ":\n"
          + tail(Files.readString(log, StandardCharsets.UTF_8)));
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  static String classpath() throws IOException {
    String file = System.getProperty("druid.classpath.file");
    if (file == null || !new File(file).isFile()) {
      throw new IllegalStateException("Druid classpath file not found at " + file
          + "; build with -pl compat-tests -am so that druid-classpath resolves it");
    }
    return Files.readString(Path.of(file), StandardCharsets.UTF_8).trim();
  }

  private static String tail(String s) {
    return s.length() <= 4000 ? s : s.substring(s.length() - 4000);
  }
}
