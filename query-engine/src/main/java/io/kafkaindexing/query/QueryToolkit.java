package io.kafkaindexing.query;

import io.kafkaindexing.query.timeline.TimelineEntry;
import java.util.List;

/**
 * Runs one query type: per segment (its engine) and across segments (its merge), as Druid's query
 * runner factory and tool chest do. Implementations are stateless and thread-safe.
 *
 * @param <Q> the query type
 * @param <P> the partial result of one segment
 */
public interface QueryToolkit<Q extends Query, P> {
  Class<Q> queryClass();

  /**
   * The partial result of {@code query} over the rows of {@code segment} whose time is in its
   * interval. Calls {@code deadline.check()} regularly.
   */
  P runOnSegment(Q query, QuerySegment segment, QueryDeadline deadline);

  /**
   * The segments {@code query} reads out of those its intervals cover ({@code entries}, in time
   * order); all of them unless the query type narrows them.
   */
  default List<TimelineEntry> chooseSegments(Q query, List<TimelineEntry> entries) {
    return entries;
  }

  /**
   * True when {@link #runOnSegment} may run for several segments of one query at once, on other
   * threads (each segment's view opened, read and closed on one thread); the partials still reach
   * {@link #merge} in segment order. False (the default) runs segments one after the other.
   */
  default boolean segmentsInParallel() {
    return false;
  }

  /**
   * The final answer (the JSON array's entries) from the partial results of every segment, in
   * segment time order; none for a data source without segments in the query intervals.
   */
  List<?> merge(Q query, List<P> partials);

  /**
   * A fold that takes the partials one by one, in segment order, while later segments are still
   * being read, and gives the same answer as {@link #merge} of them all; null (the default) when
   * the query type merges only at the end.
   */
  default PartialFold<P> newFold(Q query) {
    return null;
  }

  /** Partials folded in segment order as they come. Used by one thread at a time. */
  interface PartialFold<P> {
    /** Folds the partial of the next segment (with rows) in segment order. */
    void add(P partial);

    /** The answer, as {@link #merge} of every partial added would give. */
    List<?> finish();
  }
}
