package io.kafkaindexing.indexing.task;

import io.kafkaindexing.segment.SegmentId;
import java.io.File;
import java.io.IOException;
import java.util.Map;

/** Copies a finished segment directory to deep storage. Thread-safe. */
public interface SegmentPusher {
  /** Where a pushed segment is ({@code loadSpec}) and its total uncompressed size in bytes. */
  record Pushed(Map<String, Object> loadSpec, long size) {
  }

  /**
   * Pushes {@code segmentDir} as segment {@code id}.
   *
   * @throws IOException if the copy fails; nothing partial is left in deep storage
   */
  Pushed push(File segmentDir, SegmentId id) throws IOException;
}
