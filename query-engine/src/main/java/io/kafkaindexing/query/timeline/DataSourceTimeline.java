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
 * <p>Versions overshadow as in Druid's versioned interval timeline: where segments of several
 * versions cover the same time, a query reads only the newest version there (versions compare as
 * strings); an older segment stays visible for the part of its interval no newer version covers.
 * Thread-safe: all methods synchronize on this; {@link #segments} guarded by this.
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
   * each with the part of the query interval it serves (clipped to the segment and cut where a
   * newer version takes over).
   */
  public synchronized List<TimelineEntry> lookup(List<Interval> intervals) {
    List<TimelineEntry> out = new ArrayList<>();
    for (Interval interval : intervals) {
      List<SegmentId> overlapping = new ArrayList<>();
      for (SegmentId id : segments.keySet()) {
        if (overlaps(id.interval(), interval.getStartMillis(), interval.getEndMillis())) {
          overlapping.add(id);
        }
      }
      ByStart others = new ByStart(overlapping);
      for (SegmentId id : overlapping) {
        for (long[] part : others.visibleParts(id)) {
          long start = Math.max(interval.getStartMillis(), part[0]);
          long end = Math.min(interval.getEndMillis(), part[1]);
          if (start < end) {
            out.add(new TimelineEntry(id, serving(segments.get(id)), new Interval(start, end, DateTimeZone.UTC)));
          }
        }
      }
    }
    return out;
  }

  /**
   * Segments in id order, which is interval start order within a data source ({@link SegmentId}
   * compares data source, then start), with the largest end among each prefix, so that the segments
   * overlapping an interval are found by a binary search and a walk back that stops where no earlier
   * segment reaches the interval: a lookup over n segments costs n log n, where comparing every
   * segment with every other cost n² (0.7–1.0 ms against 5.4–9.6 ms per lookup of 720 hourly segments
   * of distinct versions, docs/benchmarks.md session 10).
   */
  private static final class ByStart {
    private final SegmentId[] ids;
    private final long[] starts;
    private final long[] maxEnds;

    /** {@code segments} of one data source in id order. */
    ByStart(List<SegmentId> segments) {
      ids = segments.toArray(new SegmentId[0]);
      starts = new long[ids.length];
      maxEnds = new long[ids.length];
      long maxEnd = Long.MIN_VALUE;
      for (int k = 0; k < ids.length; k++) {
        starts[k] = ids[k].interval().getStartMillis();
        maxEnd = Math.max(maxEnd, ids[k].interval().getEndMillis());
        maxEnds[k] = maxEnd;
      }
    }

    /** The parts of {@code id}'s interval that no segment of a newer version covers, in order. */
    List<long[]> visibleParts(SegmentId id) {
      long idStart = id.interval().getStartMillis();
      long idEnd = id.interval().getEndMillis();
      List<long[]> parts = new ArrayList<>();
      parts.add(new long[] {idStart, idEnd});
      for (int k = firstStartingAtOrAfter(idEnd) - 1; k >= 0 && maxEnds[k] > idStart; k--) {
        SegmentId other = ids[k];
        if (other.interval().getEndMillis() > idStart && other.version().compareTo(id.version()) > 0) {
          parts = subtract(parts, other.interval().getStartMillis(), other.interval().getEndMillis());
          if (parts.isEmpty()) {
            break;
          }
        }
      }
      return parts;
    }

    private int firstStartingAtOrAfter(long time) {
      int lo = 0;
      int hi = starts.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (starts[mid] < time) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }

  private static List<long[]> subtract(List<long[]> parts, long start, long end) {
    List<long[]> out = new ArrayList<>(parts.size() + 1);
    for (long[] part : parts) {
      if (part[1] <= start || end <= part[0]) {
        out.add(part);
        continue;
      }
      if (part[0] < start) {
        out.add(new long[] {part[0], start});
      }
      if (end < part[1]) {
        out.add(new long[] {end, part[1]});
      }
    }
    out.sort((a, b) -> Long.compare(a[0], b[0]));
    return out;
  }

  private static boolean overlaps(Interval interval, long start, long end) {
    return interval.getStartMillis() < end && start < interval.getEndMillis();
  }

  /** The serving segment of every announced id, in id order. */
  public synchronized Map<SegmentId, Segment> snapshot() {
    Map<SegmentId, Segment> out = new LinkedHashMap<>();
    segments.forEach((id, servers) -> out.put(id, serving(servers)));
    return out;
  }
}
