package io.kafkaindexing.core.storage;

import java.io.File;
import java.io.IOException;
import java.util.Map;
import org.joda.time.Interval;

/**
 * Durable storage of published segments, shared by the tasks that push them and the Historicals that
 * pull them. A segment is a flat directory of files ({@code version.bin}, {@code meta.smoosh},
 * {@code 00000.smoosh}..., {@code factory.json}). Implementations are thread-safe; concurrent pushes
 * of the same segment id never overwrite each other (each push gets a unique path).
 */
public interface DeepStorage {
  /**
   * Copies the segment in {@code segmentDir} to deep storage. Atomic: once this returns, the segment is
   * complete at the returned {@code loadSpec}; if it throws, nothing of it is left in deep storage.
   *
   * @return the {@code loadSpec} to publish and the segment's size (uncompressed bytes)
   * @throws IOException naming the file and reason when the segment cannot be read or written (disk
   *     full, permissions); {@link IllegalArgumentException} when a part of the id cannot be a path
   */
  PushedSegment push(File segmentDir, String dataSource, Interval interval, String version, int partitionNum)
      throws IOException;

  /**
   * Copies (or unzips) the segment at {@code loadSpec} into {@code destinationDir}, which is created
   * and must not hold files. If it throws, the files it wrote are deleted again.
   *
   * @return the bytes written
   * @throws IOException naming the deep-storage path when the loadSpec is not this storage's, the path
   *     is missing, or its files are corrupt (a zip that does not read back with its checksums)
   */
  long pull(Map<String, Object> loadSpec, File destinationDir) throws IOException;
}
