package io.kafkaindexing.query;

import io.kafkaindexing.segment.read.SegmentView;
import java.util.List;
import org.joda.time.Interval;

/**
 * Runs one query type: per segment (its engine) and across segments (its merge), as Druid's query
 * runner factory and tool chest do. Implementations are stateless and thread-safe.
 *
 * @param <Q> the query type
 * @param <R> the per-segment and final result entry type
 */
public interface QueryToolkit<Q extends Query, R> {
  Class<Q> queryClass();

  /**
   * The partial result of {@code query} over the rows of {@code segment} whose time is in
   * {@code interval} (one query interval clipped to the segment's interval). Calls
   * {@code deadline.check()} regularly.
   */
  R runOnSegment(Q query, SegmentView segment, Interval interval, QueryDeadline deadline);

  /** The final answer from the partial results of every segment (none: usually empty). */
  List<R> merge(Q query, List<R> partials);
}
