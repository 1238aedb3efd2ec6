package io.kafkaindexing.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a packaged {@code bin/} script of the distribution as a real process, as a user would. */
final class ScriptRunner {
  private static final long TIMEOUT_SECONDS = 120;

  /** A finished process: exit code and output. */
  record Result(int exitCode, String stdout, String stderr) {
  }

  private ScriptRunner() {}

  static Path distribution() {
    Path dir = Path.of(System.getProperty("distribution.dir", "target/kafka-indexing-service")).toAbsolutePath();
    if (!Files.isDirectory(dir.resolve("bin"))) {
      throw new IllegalStateException("Distribution[" + dir + "] not built; run mvn verify");
    }
    return dir;
  }

  /** Runs {@code bin/<script> args...}, feeding {@code stdin} (may be null), and waits for it. */
  static Result run(Path workDir, Path stdin, String script, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(distribution().resolve("bin").resolve(script).toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(workDir, script, ".out");
    Path err = Files.createTempFile(workDir, script, ".err");
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    if (stdin != null) {
      pb.redirectInput(stdin.toFile());
    }
    Process process = pb.start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("Script[" + script + "] did not finish in " + TIMEOUT_SECONDS + " s");
    }
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
