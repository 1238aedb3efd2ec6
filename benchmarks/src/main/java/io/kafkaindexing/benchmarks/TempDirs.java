package io.kafkaindexing.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Scratch directories for segments written by the benchmarks (under java.io.tmpdir). */
final class TempDirs {
  private TempDirs() {}

  static File create(String prefix) {
    try {
      return Files.createTempDirectory(prefix).toFile();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes {@code dir} and everything under it, if it exists. */
  static void delete(File dir) {
    if (!dir.exists()) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir.toPath())) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
