package io.kafkaindexing.supervisor.overlord;

import com.google.inject.Inject;
import io.kafkaindexing.indexing.task.SegmentAllocator;
import io.kafkaindexing.segment.SegmentId;
import io.kafkaindexing.supervisor.store.PendingSegmentsTable;
import java.sql.SQLException;
import org.joda.time.Interval;

/**
 * Allocates segment ids through the metadata store ({@code druid_pendingSegments}), so that ids
 * stay the same across restarts and replicas, and never collide with published segments.
 * Thread-safe.
 */
public final class MetadataSegmentAllocator implements SegmentAllocator {
  private final PendingSegmentsTable pendingSegments;

  @Inject
  public MetadataSegmentAllocator(PendingSegmentsTable pendingSegments) {
    this.pendingSegments = pendingSegments;
  }

  @Override
  public SegmentId allocate(String dataSource, Interval interval, String sequenceName) {
    try {
      return pendingSegments.allocate(dataSource, interval, sequenceName);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot allocate a segment for dataSource[" + dataSource + "] interval["
          + interval + "]: " + e.getMessage(), e);
    }
  }
}
