package io.kafkaindexing.query;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import io.kafkaindexing.query.timeline.DataSourceTimeline;
import io.kafkaindexing.query.timeline.ServerType;
import io.kafkaindexing.query.timeline.TimelineEntry;
import io.kafkaindexing.segment.SegmentId;
import io.kafkaindexing.segment.read.Segment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.joda.time.Interval;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Broker can query: the segments announced by real-time tasks (their in-memory indexes,
 * per segment interval) and by the Historical (persisted segments), one
 * {@link DataSourceTimeline} per data source.
 *
 * <p>Handoff: the Historical announces the same {@link SegmentId} the task announced, as
 * {@link ServerType#HISTORICAL}; from then on queries read the Historical's segment, whichever was
 * announced last (a query reads one server per id, so never both copies). The task then calls
 * {@link #unannounce(SegmentId, Segment)} with its own index, which leaves the Historical's in
 * place. {@link #unannounce(SegmentId)} removes every server of the id (segment dropped).
 *
 * <p>Thread-safe: timelines are created and removed atomically per data source; each timeline
 * synchronizes itself.
 */
@Singleton
public final class SegmentRegistry {
  private static final Logger log = LoggerFactory.getLogger(SegmentRegistry.class);

  private final ConcurrentHashMap<String, DataSourceTimeline> timelines = new ConcurrentHashMap<>();

  @Inject
  public SegmentRegistry() {}

  /** Makes {@code segment} queryable as {@code id}, served by a real-time task. */
  public void announce(SegmentId id, Segment segment) {
    announce(id, segment, ServerType.REALTIME);
  }

  /**
   * Makes {@code segment} queryable as {@code id}, served by a server of {@code type}. Announcing a
   * segment again only makes it the newest announcement of its type.
   */
  public void announce(SegmentId id, Segment segment, ServerType type) {
    Objects.requireNonNull(type, "type");
    timelines.compute(id.dataSource(), (ds, timeline) -> {
      DataSourceTimeline t = timeline == null ? new DataSourceTimeline() : timeline;
      t.add(id, segment, type);
      return t;
    });
    log.debug("Announced segment[{}] served by {}", id, type);
  }

  /** Removes every server of {@code id}. */
  public void unannounce(SegmentId id) {
    remove(id, null);
  }

  /** Removes {@code segment} as a server of {@code id}, leaving others; true if it was announced. */
  public boolean unannounce(SegmentId id, Segment segment) {
    return remove(id, Objects.requireNonNull(segment, "segment"));
  }

  private boolean remove(SegmentId id, Segment segment) {
    boolean[] removed = new boolean[1];
    timelines.computeIfPresent(id.dataSource(), (ds, timeline) -> {
      removed[0] = timeline.remove(id, segment);
      return timeline.isEmpty() ? null : timeline;
    });
    if (removed[0]) {
      log.debug("Unannounced segment[{}]", id);
    }
    return removed[0];
  }

  /** Data sources with at least one announced segment, sorted. */
  public List<String> getDataSources() {
    List<String> names = new ArrayList<>(timelines.keySet());
    Collections.sort(names);
    return names;
  }

  /**
   * The segments of {@code dataSource} a query over {@code intervals} (sorted and condensed) reads,
   * each with its part of the interval; empty for an unknown data source.
   */
  public List<TimelineEntry> lookup(String dataSource, List<Interval> intervals) {
    DataSourceTimeline timeline = timelines.get(dataSource);
    return timeline == null ? List.of() : timeline.lookup(intervals);
  }

  /** The serving segment of every announced id of {@code dataSource}. */
  public Map<SegmentId, Segment> getSegments(String dataSource) {
    DataSourceTimeline timeline = timelines.get(dataSource);
    return timeline == null ? Map.of() : timeline.snapshot();
  }
}
