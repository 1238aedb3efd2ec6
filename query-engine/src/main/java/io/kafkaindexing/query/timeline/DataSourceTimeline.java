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
 * reads exactly one of them, so each row is read once: the most recently announced
 * {@link ServerType#HISTORICAL} one if any, else the most recently announced one.
 *
 * <p>Every announced segment is visible: overshadowing by newer versions is not applied yet (the
 * query-engine issue adds it here, in {@link #lookup}). Thread-safe: all methods synchronize on
 * this; {@link #segments} guarded by this.
 */
public final class DataSourceTimeline {
  private record Server(Segment segment, ServerType type) {}

  /** Servers of each segment id, most recently announced last; ids in time order. */
  private final TreeMap<SegmentId, Deque<Server>> segments = new TreeMap<>();

  /** Adds {@code segment} as a real-time server of {@code id}. */
  public synchronized void add(SegmentId id, Segment segment) {
    add(id, segment, ServerType.REALTIME);
  }

  /** Adds {@code segment} as a server of {@code id}; announcing the same segment again moves it last. */
  public synchronized void add(SegmentId id, Segment segment, ServerType type) {
    Deque<Server> servers = segments.computeIfAbsent(id, k -> new ArrayDeque<>());
    servers.removeIf(s -> s.segment() == segment);
    servers.addLast(new Server(segment, type));
  }

  /** The server a query reads: the newest Historical one, else the newest. */
  private static Segment serving(Deque<Server> servers) {
    for (Iterator<Server> it = servers.descendingIterator(); it.hasNext(); ) {
      Server server = it.next();
      if (server.type() == ServerType.HISTORICAL) {
        return server.segment();
      }
    }
    return servers.getLast().segment();
  }

  /** Removes {@code segment} as a server of {@code id}, or every server when it is null; true if removed. */
  public synchronized boolean remove(SegmentId id, Segment segment) {
    Deque<Server> servers = segments.get(id);
    if (servers == null) {
      return false;
    }
    boolean removed;
    if (segment == null) {
      removed = true;
      servers.clear();
    } else {
      removed = false;
      for (Iterator<Server> it = servers.iterator(); it.hasNext(); ) {
        if (it.next().segment() == segment) {
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
      for (Map.Entry<SegmentId, Deque<Server>> e : segments.entrySet()) {
        Interval segmentInterval = e.getKey().interval();
        long start = Math.max(interval.getStartMillis(), segmentInterval.getStartMillis());
        long end = Math.min(interval.getEndMillis(), segmentInterval.getEndMillis());
        if (start < end) {
          out.add(new TimelineEntry(e.getKey(), serving(e.getValue()), new Interval(start, end, DateTimeZone.UTC)));
        }
      }
    }
    return out;
  }

  /** The serving segment of every announced id, in id order. */
  public synchronized Map<SegmentId, Segment> snapshot() {
    Map<SegmentId, Segment> out = new LinkedHashMap<>();
    segments.forEach((id, servers) -> out.put(id, serving(servers)));
    return out;
  }
}
