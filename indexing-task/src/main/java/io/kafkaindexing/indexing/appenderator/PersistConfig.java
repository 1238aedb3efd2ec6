package io.kafkaindexing.indexing.appenderator;

import java.io.File;

/**
 * When and where a task persists its in-memory rows: when the rows in memory reach
 * {@code maxRowsInMemory}, their estimated size reaches {@code maxBytesInMemory}, or
 * {@code persistPeriodMillis} passed since the last persist; into {@code directory}. Immutable.
 */
public record PersistConfig(int maxRowsInMemory, long maxBytesInMemory, long persistPeriodMillis, File directory) {
  /** No persisting at all: everything stays in memory (for tests of the in-memory path). */
  public static PersistConfig inMemoryOnly() {
    return new PersistConfig(Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, null);
  }

  boolean persists() {
    return directory != null;
  }
}
