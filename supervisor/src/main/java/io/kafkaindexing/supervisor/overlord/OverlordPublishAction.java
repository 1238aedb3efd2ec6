package io.kafkaindexing.supervisor.overlord;

import com.google.inject.Inject;
import io.kafkaindexing.indexing.kafka.PartitionOffsets;
import io.kafkaindexing.indexing.task.SegmentPublishAction;
import io.kafkaindexing.segment.DataSegment;
import io.kafkaindexing.supervisor.store.SegmentPublisher;
import java.sql.SQLException;
import java.util.Set;

/**
 * A task's publish as the Overlord runs it, in this process: {@link SegmentPublisher}'s
 * transaction. A database error is a failed publish (nothing was written). Thread-safe.
 */
public final class OverlordPublishAction implements SegmentPublishAction {
  private final SegmentPublisher publisher;

  @Inject
  public OverlordPublishAction(SegmentPublisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public Result publish(String dataSource, Set<DataSegment> segments, PartitionOffsets start, PartitionOffsets end) {
    try {
      SegmentPublisher.Result r = publisher.publish(dataSource, segments, start, end);
      return new Result(r.success(), r.failure());
    } catch (SQLException e) {
      return new Result(false, "Metadata store error: " + e.getMessage());
    }
  }
}
