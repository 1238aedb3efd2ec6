package io.kafkaindexing.benchmarks;

import io.kafkaindexing.core.storage.SegmentFiles;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

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
    try {
      SegmentFiles.deleteRecursively(dir.toPath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
