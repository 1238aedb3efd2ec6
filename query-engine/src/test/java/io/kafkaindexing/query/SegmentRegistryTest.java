package io.kafkaindexing.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.query.timeline.ServerType;
import io.kafkaindexing.query.timeline.TimelineEntry;
import io.kafkaindexing.segment.SegmentId;
import io.kafkaindexing.segment.incremental.IncrementalIndex;
import java.util.List;
import org.joda.time.Interval;
import org.joda.time.chrono.ISOChronology;
import org.junit.jupiter.api.Test;

class SegmentRegistryTest {
  private static Interval utc(String s) {
    return new Interval(s, ISOChronology.getInstanceUTC());
  }

  private static IncrementalIndex index(Interval interval) {
    return new IncrementalIndex(SeedData.seedSchema(interval.getStartMillis()));
  }

  @Test
  void lookupClipsQueryIntervalsToOverlappingSegments() {
    SegmentRegistry registry = new SegmentRegistry();
    SegmentId nine = new SegmentId("ds", utc("2018-03-06T09/2018-03-06T10"), "v1", 0);
    SegmentId ten = new SegmentId("ds", utc("2018-03-06T10/2018-03-06T11"), "v1", 0);
    registry.announce(ten, index(ten.interval()));
    registry.announce(nine, index(nine.interval()));
    registry.announce(new SegmentId("other", nine.interval(), "v1", 0), index(nine.interval()));
    List<TimelineEntry> entries = registry.lookup("ds", List.of(utc("2018-03-06T09:30/2018-03-06T10:15")));
    assertEquals(2, entries.size());
    assertEquals(nine, entries.get(0).id());
    assertEquals(utc("2018-03-06T09:30/2018-03-06T10:00"), entries.get(0).interval());
    assertEquals(utc("2018-03-06T10:00/2018-03-06T10:15"), entries.get(1).interval());
    assertEquals(List.of(), registry.lookup("ds", List.of(utc("2018-03-06T11/2018-03-06T12"))));
    assertEquals(List.of(), registry.lookup("nope", List.of(utc("2018/2019"))));
    assertEquals(List.of("ds", "other"), registry.getDataSources());
  }

  @Test
  void handoffServesTheNewestAnnouncementAndKeepsItWhenTheTaskLeaves() {
    SegmentRegistry registry = new SegmentRegistry();
    SegmentId id = new SegmentId("ds", utc("2018-03-06T09/2018-03-06T10"), "v1", 0);
    IncrementalIndex realtime = index(id.interval());
    IncrementalIndex historical = index(id.interval());
    registry.announce(id, realtime);
    registry.announce(id, historical);
    assertSame(historical, registry.lookup("ds", List.of(id.interval())).get(0).segment());
    assertTrue(registry.unannounce(id, realtime));
    assertFalse(registry.unannounce(id, realtime));
    assertSame(historical, registry.getSegments("ds").get(id));
    registry.unannounce(id);
    assertEquals(List.of(), registry.getDataSources());
    assertTrue(registry.getSegments("ds").isEmpty());
  }

  /** Handoff: queries read the Historical's copy of an id, whichever was announced first, and never both. */
  @Test
  void theHistoricalsCopyIsServedWhateverTheOrderOfAnnouncements() {
    SegmentRegistry registry = new SegmentRegistry();
    SegmentId id = new SegmentId("ds", utc("2018-03-06T09/2018-03-06T10"), "v1", 0);
    IncrementalIndex realtime = index(id.interval());
    IncrementalIndex replica = index(id.interval());
    IncrementalIndex historical = index(id.interval());
    registry.announce(id, historical, ServerType.HISTORICAL);
    registry.announce(id, realtime);
    registry.announce(id, replica, ServerType.REALTIME);
    List<TimelineEntry> entries = registry.lookup("ds", List.of(utc("2018/2019")));
    assertEquals(1, entries.size(), "one server per id: rows are read once");
    assertSame(historical, entries.get(0).segment());
    assertSame(historical, registry.getSegments("ds").get(id));
    // The task leaves after handoff; the Historical keeps serving.
    assertTrue(registry.unannounce(id, realtime));
    assertTrue(registry.unannounce(id, replica));
    assertSame(historical, registry.lookup("ds", List.of(id.interval())).get(0).segment());
    // The Historical drops the segment (no longer used) while a replica task still serves it.
    registry.announce(id, replica);
    assertTrue(registry.unannounce(id, historical));
    assertSame(replica, registry.lookup("ds", List.of(id.interval())).get(0).segment());
  }
}
