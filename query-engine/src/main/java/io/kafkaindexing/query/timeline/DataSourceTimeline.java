package io.kafkaindexing.query.timeline;

import io.kafkaindexing.segment.SegmentId;
import io.kafkaindexing.segment.read.Segment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;

/**
 * The announced segments of one data source, by segment id. One id may be announced by several
 * servers at once (a real-time task and the Historical that loads its segment at handoff); a query
 * reads the most recently announced one, so each row is read once.
 *
 * <p>Every announced segment is visible: overshadowing by newer versions is not applied yet (the
 * query-engine issue adds it here, in {@link #lookup}). Thread-safe: all methods synchronize on
 * this; {@link #segments} guarded by this.
 */
public final class DataSourceTimeline {
  /** Servers of each segment id, most recently announced last; ids in time order. */
  private final TreeMap<SegmentId, Deque<Segment>> segments = new TreeMap<>();

  public synchronized void add(SegmentId id, Segment segment) {
    Deque<Segment> servers = segments.computeIfAbsent(id, k -> new ArrayDeque<>());
    servers.removeIf(s -> s == segment);
    servers.addLast(segment);
  }

  /** Removes {@code segment} as a server of {@code id}, or every server when it is null; true if removed. */
  public synchronized boolean remove(SegmentId id, Segment segment) {
    Deque<Segment> servers = segments.get(id);
    if (servers == null) {
      return false;
    }
    boolean removed;
    if (segment == null) {
      removed = true;
      servers.clear();
    } else {
      removed = false;
      for (Iterator<Segment> it = servers.iterator(); it.hasNext(); ) {
        if (it.next() == segment) {
          it.remove();
          removed = true;
        }
      }
    }
    if (servers.isEmpty()) {
      segments.remove(id);
    }
    return removed;
  }

  public synchronized boolean isEmpty() {
    return segments.isEmpty();
  }

  /**
   * For each interval (sorted, non-overlapping), the visible segments overlapping it in id order,
   * each with the overlap.
   */
  public synchronized List<TimelineEntry> lookup(List<Interval> intervals) {
    List<TimelineEntry> out = new ArrayList<>();
    for (Interval interval : intervals) {
      for (Map.Entry<SegmentId, Deque<Segment>> e : segments.entrySet()) {
        Interval segmentInterval = e.getKey().interval();
        long start = Math.max(interval.getStartMillis(), segmentInterval.getStartMillis());
        long end = Math.min(interval.getEndMillis(), segmentInterval.getEndMillis());
        if (start < end) {
          out.add(new TimelineEntry(e.getKey(), e.getValue().getLast(), new Interval(start, end, DateTimeZone.UTC)));
        }
      }
    }
    return out;
  }

  /** The serving segment of every announced id, in id order. */
  public synchronized Map<SegmentId, Segment> snapshot() {
    Map<SegmentId, Segment> out = new LinkedHashMap<>();
    segments.forEach((id, servers) -> out.put(id, servers.getLast()));
    return out;
  }
}
